package store

import (
	"context"
	"database/sql"
	"strings"
	"time"

	"chibo/backend/domain"
	"chibo/backend/kinds"
	"chibo/backend/syncproto"
	"chibo/backend/textutil"
)

var unitColumns = kindUnit.columns("")

func scanUnit(sc interface{ Scan(...any) error }) (domain.Unit, error) {
	r, err := kindUnit.scan(sc)
	return domain.Unit{ID: r.id, ParentID: r.str("parentId"), Kind: domain.UnitKind(r.str("kind")), Name: r.str("name"),
		CommuneID: r.str("communeId"), Members: r.int("members"), Probationary: r.int("probationary"), Religious: r.int("religious"),
		Status: domain.UnitStatus(r.str("status")), MergedIntoID: r.str("mergedIntoId"), ClosedOn: r.str("closedOn"), Note: r.str("note")}, err
}

func unitValues(u domain.Unit) Values {
	return Values{
		"parentId": u.ParentID, "kind": string(u.Kind), "name": u.Name, "communeId": u.CommuneID,
		"members": u.Members, "probationary": u.Probationary, "religious": u.Religious,
		"status": string(u.Status), "mergedIntoId": u.MergedIntoID, "closedOn": u.ClosedOn, "note": u.Note,
	}
}

// ListUnits returns every unit that is not deleted, closed and merged ones included, in
// Vietnamese order of name, each with its sync state.
func (s *Store) ListUnits(ctx context.Context) ([]domain.Unit, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT `+unitColumns+` FROM units WHERE deleted = 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var units []domain.Unit
	for rows.Next() {
		u, err := scanUnit(rows)
		if err != nil {
			return nil, err
		}
		units = append(units, u)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	states, err := s.syncStatesOfKinds(ctx, kinds.Unit)
	if err != nil {
		return nil, err
	}
	for i := range units {
		units[i].SyncState, units[i].SyncReason = states.of(units[i].ID)
	}
	sortByName(units, func(u domain.Unit) string { return u.Name })
	return units, nil
}

// GetUnit returns one unit. Errors: ENotFound.
func (s *Store) GetUnit(ctx context.Context, id string) (domain.Unit, error) {
	u, err := scanUnit(s.db.QueryRowContext(ctx, `SELECT `+unitColumns+` FROM units WHERE id = ? AND deleted = 0`, id))
	if err == sql.ErrNoRows {
		return u, errUnitNotFound()
	} else if err != nil {
		return u, err
	}
	states, err := s.syncStatesOf(ctx, id)
	u.SyncState, u.SyncReason = states.of(id)
	return u, err
}

func getUnitTx(tx *sql.Tx, id string) (domain.Unit, error) {
	u, err := scanUnit(tx.QueryRow(`SELECT `+unitColumns+` FROM units WHERE id = ? AND deleted = 0`, id))
	if err == sql.ErrNoRows {
		return u, errUnitNotFound()
	}
	return u, err
}

func errUnitNotFound() error {
	return domain.Errorf(domain.ENotFound, "", "Không tìm thấy tổ chức đảng.", "Party organization not found.")
}

// SaveUnit creates u when its ID is empty, else updates it. It checks every rule of the
// tree in the same transaction as the write. Errors: EInvalid, ENotFound.
func (s *Store) SaveUnit(ctx context.Context, u domain.Unit) (domain.Unit, error) {
	u.Name = textutil.NFC(u.Name)
	u.Normalize()
	err := s.write(ctx, func(tx *sql.Tx) error {
		if u.ID == "" {
			u.ID = NewID()
			if err := u.CheckNew(); err != nil {
				return err
			}
		} else {
			old, err := getUnitTx(tx, u.ID)
			if err != nil {
				return err
			}
			children := 0
			if old.Kind != u.Kind {
				if children, err = countChildren(tx, u.ID); err != nil {
					return err
				}
			}
			if err := u.CheckKindChange(old, children); err != nil {
				return err
			}
		}
		return s.saveUnitTx(tx, &u)
	})
	if err != nil {
		return domain.Unit{}, err
	}
	return s.GetUnit(ctx, u.ID)
}

// AddUnit creates a unit with the id it carries (a preset's, the same on every machine).
// Errors: EInvalid, including for an id already used.
func (s *Store) AddUnit(ctx context.Context, u domain.Unit) (domain.Unit, error) {
	u.Name = textutil.NFC(u.Name)
	u.Normalize()
	err := s.write(ctx, func(tx *sql.Tx) error {
		if !syncproto.ValidID(u.ID) {
			return domain.Errorf(domain.EInvalid, "id", "Mã tổ chức đảng không hợp lệ.", "Invalid organization id.")
		}
		if _, err := getUnitTx(tx, u.ID); err == nil {
			return domain.Errorf(domain.EInvalid, "id", "Đã có tổ chức đảng mang mã này.", "An organization with this id exists.")
		}
		if err := u.CheckNew(); err != nil {
			return err
		}
		return s.saveUnitTx(tx, &u)
	})
	if err != nil {
		return domain.Unit{}, err
	}
	return s.GetUnit(ctx, u.ID)
}

// saveUnitTx validates u against the tree and writes it.
func (s *Store) saveUnitTx(tx *sql.Tx, u *domain.Unit) error {
	if err := u.Validate(); err != nil {
		return err
	}
	var parent *domain.Unit
	if u.ParentID != "" {
		p, err := getUnitTx(tx, u.ParentID)
		if err != nil {
			return domain.Errorf(domain.EInvalid, "parentId", "Không tìm thấy tổ chức đảng cấp trên.", "The parent organization does not exist.")
		}
		parent = &p
	}
	if err := u.CheckParent(parent); err != nil {
		return err
	}
	if parent != nil {
		if err := checkNoCycle(tx, u.ID, u.ParentID); err != nil {
			return err
		}
		if u.Kind == domain.KindSubordinateCell {
			u.CommuneID = parent.CommuneID // a cell belongs to its committee's commune
		}
	}
	if u.CommuneID != "" {
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM communes WHERE id = ? AND deleted = 0`, u.CommuneID).Scan(&n); err != nil {
			return err
		} else if n == 0 {
			return domain.Errorf(domain.EInvalid, "communeId", "Không tìm thấy xã, phường đã chọn.", "The selected commune does not exist.")
		}
	}
	if u.Status == domain.StatusActive {
		if err := checkUniqueName(tx, u.ID, u.ParentID, u.Name); err != nil {
			return err
		}
	}
	_, err := s.putRecord(tx, kindUnit, u.ID, unitValues(*u))
	return err
}

func checkNoCycle(tx *sql.Tx, id, parentID string) error {
	for cur, depth := parentID, 0; cur != ""; depth++ {
		if cur == id || depth > 10000 {
			return domain.Errorf(domain.EInvalid, "parentId", "Không thể chuyển tổ chức đảng vào chính nó hoặc vào một đơn vị trực thuộc nó.",
				"An organization cannot be moved under itself or one of its own units.")
		}
		if err := tx.QueryRow(`SELECT parent_id FROM units WHERE id = ?`, cur).Scan(&cur); err == sql.ErrNoRows {
			return nil
		} else if err != nil {
			return err
		}
	}
	return nil
}

func checkUniqueName(tx *sql.Tx, id, parentID, name string) error {
	rows, err := tx.Query(`SELECT name FROM units WHERE parent_id = ? AND id != ? AND deleted = 0 AND status = 'active'`, parentID, id)
	if err != nil {
		return err
	}
	defer rows.Close()
	want := strings.ToLower(name)
	for rows.Next() {
		var other string
		if err := rows.Scan(&other); err != nil {
			return err
		}
		if strings.ToLower(textutil.NFC(other)) == want {
			return domain.Errorf(domain.EInvalid, "name", "Đã có tổ chức đảng tên “%s” trong cùng đơn vị cấp trên.",
				"An organization named “%s” already exists under the same parent.", other)
		}
	}
	return rows.Err()
}

func countChildren(tx *sql.Tx, id string) (int, error) {
	var n int
	err := tx.QueryRow(`SELECT count(*) FROM units WHERE parent_id = ? AND deleted = 0 AND status = 'active'`, id).Scan(&n)
	return n, err
}

// MoveUnit puts a unit under another parent. Errors: EInvalid (a cycle, a wrong kind of
// parent, a duplicate name there), ENotFound.
func (s *Store) MoveUnit(ctx context.Context, id, parentID string) (domain.Unit, error) {
	err := s.write(ctx, func(tx *sql.Tx) error {
		u, err := getUnitTx(tx, id)
		if err != nil {
			return err
		}
		if u.Status != domain.StatusActive {
			return errInactive(u)
		}
		u.ParentID = parentID
		if err := s.saveUnitTx(tx, &u); err != nil {
			return err
		}
		return s.refreshCommuneOfCells(ctx, tx, u)
	})
	if err != nil {
		return domain.Unit{}, err
	}
	return s.GetUnit(ctx, id)
}

// refreshCommuneOfCells keeps the commune of a committee's cells equal to the committee's.
func (s *Store) refreshCommuneOfCells(ctx context.Context, tx *sql.Tx, committee domain.Unit) error {
	if committee.Kind != domain.KindGrassrootsCommittee {
		return nil
	}
	var ids []string
	err := queryEach(ctx, tx, `SELECT id FROM units WHERE parent_id = ? AND deleted = 0 AND commune_id != ?`, []any{committee.ID, committee.CommuneID},
		func(rows *sql.Rows) error {
			var id string
			err := rows.Scan(&id)
			ids = append(ids, id)
			return err
		})
	if err != nil {
		return err
	}
	for _, id := range ids {
		if _, err := s.putRecord(tx, kindUnit, id, Values{"communeId": committee.CommuneID}); err != nil {
			return err
		}
	}
	return nil
}

func errInactive(u domain.Unit) error {
	return domain.Errorf(domain.EInvalid, "status", "Tổ chức đảng “%s” đã giải thể hoặc sáp nhập; không thể thay đổi.",
		"“%s” is closed or merged and cannot be changed.", u.Name)
}

// CloseUnit dissolves a unit on a date (yyyy-mm-dd; today when empty). It stays readable in
// past records. Errors: EInvalid (it still has active units under it), ENotFound.
func (s *Store) CloseUnit(ctx context.Context, id, on string) (domain.Unit, error) {
	if on == "" {
		on = s.today()
	} else if _, err := time.Parse("2006-01-02", on); err != nil {
		return domain.Unit{}, domain.Errorf(domain.EInvalid, "closedOn", "Ngày giải thể không hợp lệ.", "Invalid closing date.")
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		u, err := getUnitTx(tx, id)
		if err != nil {
			return err
		}
		if u.Status != domain.StatusActive {
			return errInactive(u)
		}
		if n, err := countChildren(tx, id); err != nil {
			return err
		} else if n > 0 {
			return domain.Errorf(domain.EInvalid, "status", "“%s” còn %d đơn vị trực thuộc đang hoạt động: hãy chuyển hoặc giải thể các đơn vị đó trước.",
				"“%s” still has %d active units under it: move or close them first.", u.Name, n)
		}
		_, err = s.putRecord(tx, kindUnit, id, Values{"status": string(domain.StatusClosed), "closedOn": on})
		return err
	})
	if err != nil {
		return domain.Unit{}, err
	}
	return s.GetUnit(ctx, id)
}

// MergeUnit merges unit id into unit intoID of the same kind: its active units move under
// the target, a cell's member counts are added to the target's, and the merged unit stays
// in the history with status merged. Errors: EInvalid, ENotFound.
func (s *Store) MergeUnit(ctx context.Context, id, intoID string) (domain.Unit, error) {
	err := s.write(ctx, func(tx *sql.Tx) error {
		src, err := getUnitTx(tx, id)
		if err != nil {
			return err
		}
		dst, err := getUnitTx(tx, intoID)
		if err != nil {
			return err
		}
		switch {
		case src.ID == dst.ID:
			return domain.Errorf(domain.EInvalid, "mergedIntoId", "Không thể sáp nhập một tổ chức đảng vào chính nó.", "An organization cannot be merged into itself.")
		case src.Status != domain.StatusActive:
			return errInactive(src)
		case dst.Status != domain.StatusActive:
			return errInactive(dst)
		case src.Kind != dst.Kind:
			return &domain.Error{Code: domain.EInvalid, Field: "mergedIntoId",
				Message:   "Chỉ sáp nhập được vào tổ chức đảng cùng loại (" + src.Kind.Label() + ").",
				MessageEN: "Can only merge into an organization of the same kind."}
		}
		if err := checkNoCycle(tx, src.ID, dst.ID); err != nil {
			return err
		}
		children, err := childIDs(tx, src.ID)
		if err != nil {
			return err
		}
		for _, cid := range children {
			c, err := getUnitTx(tx, cid)
			if err != nil {
				return err
			}
			c.ParentID = dst.ID
			if err := s.saveUnitTx(tx, &c); err != nil {
				return err
			}
		}
		if src.Kind.HoldsMembers() {
			dst.Members += src.Members
			dst.Probationary += src.Probationary
			dst.Religious += src.Religious
			if _, err := s.putRecord(tx, kindUnit, dst.ID, unitValues(dst)); err != nil {
				return err
			}
		}
		_, err = s.putRecord(tx, kindUnit, src.ID, Values{"status": string(domain.StatusMerged), "mergedIntoId": dst.ID,
			"closedOn": s.today()})
		return err
	})
	if err != nil {
		return domain.Unit{}, err
	}
	return s.GetUnit(ctx, id)
}

func childIDs(tx *sql.Tx, id string) ([]string, error) {
	rows, err := tx.Query(`SELECT id FROM units WHERE parent_id = ? AND deleted = 0 AND status = 'active'`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var c string
		if err := rows.Scan(&c); err != nil {
			return nil, err
		}
		ids = append(ids, c)
	}
	return ids, rows.Err()
}
