package store

import (
	"context"
	"database/sql"
	"strings"

	"chibo/backend/domain"
	"chibo/backend/textutil"
)

// CommuneMerger is one merger of the 2025 reorganization (Resolution 1674/NQ-UBTVQH15 for
// Ninh Bình): several communes become one new commune with its own committee, which sits
// directly under the top committee. Ids may be given so that a preset built on two
// machines is the same; empty ones are made.
type CommuneMerger struct {
	Name        string             `json:"name"` // Phát Diệm
	Kind        domain.CommuneKind `json:"kind"` // xa, phuong or dac_khu
	Sources     []string           `json:"sources"`
	UnderID     string             `json:"underId"` // the top committee (a unit of no commune)
	CommuneID   string             `json:"communeId,omitempty"`
	CommitteeID string             `json:"committeeId,omitempty"`
	// Profile of the new committee; ShortName, IssuingBody and Symbol are filled from the
	// name when empty ("Đảng ủy xã Phát Diệm", "ĐẢNG ỦY XÃ PHÁT DIỆM", "ĐU").
	Profile domain.CommitteeProfile `json:"profile"`
}

// MergeResult says what a merger did.
type MergeResult struct {
	CommuneID   string         `json:"communeId"`
	CommitteeID string         `json:"committeeId"`
	Moved       map[string]int `json:"moved"` // records given the new commune, by kind
}

// communeBound are the kinds whose records follow their commune into the merger. Reports
// and audit entries are insert-only: they keep the commune they were written for, which
// still names the old commune (merged, kept for history).
var communeBound = []*kindSpec{kindSchedule, kindVisit, kindRelease, kindScoreSheet, kindScoreReview, kindYearClassification, kindOfficial}

// MergeCommunes merges communes into a new one in one transaction: the sources are marked
// merged into it (kept, with their names, for history); a new commune and its committee
// (Đảng ủy xã, under the top committee) are created with the committee's paper profile;
// the sources' grassroots organizations move under the new committee and every unit,
// schedule, visit, release, score sheet, review, classification and official of the
// sources takes the new commune. The server moves the sources' commune offices' accounts.
// Errors: EInvalid, with what is wrong, and nothing is changed.
func (s *Store) MergeCommunes(ctx context.Context, m CommuneMerger) (MergeResult, error) {
	res := MergeResult{Moved: map[string]int{}}
	m.Name = strings.Join(strings.Fields(textutil.NFC(m.Name)), " ")
	err := s.write(ctx, func(tx *sql.Tx) error {
		if len(m.Sources) == 0 {
			return domain.Errorf(domain.EInvalid, "sources", "Chọn ít nhất một xã, phường để hợp nhất.", "Choose at least one commune to merge.")
		}
		under, err := getUnitTx(tx, m.UnderID)
		if err != nil || under.Kind != domain.KindSupervising || under.CommuneID != "" || under.Status != domain.StatusActive {
			return domain.Errorf(domain.EInvalid, "underId", "Xã mới phải trực thuộc một cấp ủy cấp trên đang hoạt động (tỉnh ủy).",
				"The new commune must sit under an active top committee (the province).")
		}
		seen := map[string]bool{}
		var first domain.Commune
		for i, id := range m.Sources {
			c, err := communeTx(tx, id)
			if err != nil {
				return err
			}
			if seen[id] {
				return domain.Errorf(domain.EInvalid, "sources", "Xã “%s” được chọn hai lần.", "“%s” is chosen twice.", c.Name)
			}
			if c.Status != domain.StatusActive {
				return domain.Errorf(domain.EInvalid, "sources", "“%s” đã sáp nhập hoặc giải thể, không hợp nhất được nữa.",
					"“%s” is already merged or closed.", c.Name)
			}
			seen[id] = true
			if i == 0 {
				first = c
			}
		}
		if m.CommuneID == "" {
			m.CommuneID = NewID()
		}
		if m.CommitteeID == "" {
			m.CommitteeID = NewID()
		}
		// 1. The sources are merged: no longer active, so the new commune may take a name
		// of one of them (Phát Diệm town + Thượng Kiệm + Kim Chính = xã Phát Diệm).
		for _, id := range m.Sources {
			if _, err := s.putRecord(tx, kindCommune, id, Values{"status": string(domain.StatusMerged), "mergedIntoId": m.CommuneID}); err != nil {
				return err
			}
		}
		c := domain.Commune{ID: m.CommuneID, Name: m.Name, Kind: m.Kind, AreaID: first.AreaID, ClusterID: first.ClusterID}
		c.Normalize()
		if err := c.Validate(); err != nil {
			return err
		}
		if err := checkCommuneName(tx, c); err != nil {
			return err
		}
		if _, err := s.putRecord(tx, kindCommune, c.ID, Values{"name": c.Name, "kind": string(c.Kind), "areaId": c.AreaID,
			"clusterId": c.ClusterID, "status": string(c.Status)}); err != nil {
			return err
		}
		// 2. The new commune's committee and its profile.
		prefix := c.Kind.Word()
		committee := domain.Unit{ID: m.CommitteeID, ParentID: under.ID, Kind: domain.KindSupervising, Name: "Đảng bộ " + prefix + " " + c.Name,
			CommuneID: c.ID, Status: domain.StatusActive}
		if err := s.saveUnitTx(tx, &committee); err != nil {
			return err
		}
		p := m.Profile
		p.CommitteeID = committee.ID
		if p.ShortName == "" {
			p.ShortName = "Đảng ủy " + prefix + " " + c.Name
		}
		if p.IssuingBody == "" {
			p.IssuingBody = strings.ToUpper(p.ShortName)
		}
		if p.Symbol == "" {
			p.Symbol = "ĐU"
		}
		if p.Place == "" {
			p.Place = c.Name
		}
		if p.OrgBoard == "" {
			p.OrgBoard = "Ban Xây dựng Đảng " + p.ShortName
		}
		if p.ParentBody == "" {
			if top, ok, err := profileTx(tx, under.ID); err != nil {
				return err
			} else if ok {
				p.ParentBody = top.PartyOrganization()
			}
		}
		p.Normalize()
		p.FillDefaults()
		if err := p.Validate(); err != nil {
			return err
		}
		if err := s.saveProfileTx(tx, &p); err != nil {
			return err
		}
		// 3. Units: the sources' organizations directly under a committee of no commune
		// (the old district) move under the new committee; every unit of the sources
		// takes the new commune. Units go first: schedules and visits name their cells.
		// Parents before their cells, so that the server, which checks each change in
		// order, always sees a cell's committee already in the new commune.
		for _, topLevel := range []bool{true, false} {
			q := `SELECT u.id FROM units u LEFT JOIN units p ON p.id = u.parent_id
				WHERE u.deleted = 0 AND u.commune_id IN (` + placeholders(len(m.Sources)) + `) AND (coalesce(p.commune_id, '') = '') = ? ORDER BY u.id`
			var ids []string
			if err := queryEach(ctx, tx, q, append(anys(m.Sources), topLevel), func(rows *sql.Rows) error {
				var id string
				ids = append(ids, id)
				return rows.Scan(&ids[len(ids)-1])
			}); err != nil {
				return err
			}
			for _, id := range ids {
				u, err := getUnitTx(tx, id)
				if err != nil {
					return err
				}
				if topLevel && u.Status == domain.StatusActive && u.ParentID != "" {
					u.ParentID, u.CommuneID = committee.ID, c.ID
					if err := s.saveUnitTx(tx, &u); err != nil {
						return err
					}
				} else if _, err := s.putRecord(tx, kindUnit, id, Values{"communeId": c.ID}); err != nil {
					return err
				}
				res.Moved[kindUnit.kind]++
			}
		}
		// 4. Everything else bound to the sources.
		for _, k := range communeBound {
			var ids []string
			q := `SELECT id FROM ` + k.table + ` WHERE deleted = 0 AND commune_id IN (` + placeholders(len(m.Sources)) + `)`
			if err := queryEach(ctx, tx, q, anys(m.Sources), func(rows *sql.Rows) error {
				var id string
				ids = append(ids, id)
				return rows.Scan(&ids[len(ids)-1])
			}); err != nil {
				return err
			}
			for _, id := range ids {
				if _, err := s.putRecord(tx, k, id, Values{"communeId": c.ID}); err != nil {
					return err
				}
			}
			res.Moved[k.kind] += len(ids)
		}
		res.CommuneID, res.CommitteeID = c.ID, committee.ID
		return nil
	})
	return res, err
}

func communeTx(tx *sql.Tx, id string) (domain.Commune, error) {
	r, err := kindCommune.scan(tx.QueryRow(`SELECT `+kindCommune.columns("")+` FROM communes WHERE id = ? AND deleted = 0`, id))
	if err == sql.ErrNoRows {
		return domain.Commune{}, domain.Errorf(domain.EInvalid, "sources", "Không tìm thấy xã, phường đã chọn.", "The selected commune does not exist.")
	}
	return domain.Commune{ID: r.id, Name: r.str("name"), Kind: domain.CommuneKind(r.str("kind")), AreaID: r.str("areaId"),
		ClusterID: r.str("clusterId"), Status: domain.UnitStatus(r.str("status")), MergedIntoID: r.str("mergedIntoId")}, err
}

func checkCommuneName(tx *sql.Tx, c domain.Commune) error {
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM communes WHERE lower(name) = lower(?) AND id != ? AND deleted = 0 AND status = 'active'`, c.Name, c.ID).Scan(&n); err != nil {
		return err
	} else if n > 0 {
		return domain.Errorf(domain.EInvalid, "name", "Đã có xã, phường tên “%s”.", "A commune named “%s” already exists.", c.Name)
	}
	return nil
}

func placeholders(n int) string { return strings.TrimSuffix(strings.Repeat("?, ", n), ", ") }

func anys(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
