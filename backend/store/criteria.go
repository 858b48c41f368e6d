package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"sort"

	"chibo/backend/domain"
	"chibo/backend/kinds"
	"chibo/backend/textutil"
)

// A criteria set's structure is one JSON field ("content"): a published version never
// changes and a draft is edited by the Organization Board alone, so nothing is gained by
// merging its parts field by field.
var kindCriteriaSet = spec(kinds.CriteriaSet)

var setColumns = kindCriteriaSet.columns("")

func scanSet(sc interface{ Scan(...any) error }) (domain.CriteriaSet, error) {
	r, err := kindCriteriaSet.scan(sc)
	if err != nil {
		return domain.CriteriaSet{}, err
	}
	s := domain.CriteriaSet{ID: r.id, SeriesID: r.str("seriesId"), Name: r.str("name"), Version: r.int("version"),
		Status: domain.CriteriaSetStatus(r.str("status")), EffectiveMonth: r.str("effectiveMonth"), Example: r.flag("example"),
		Note: r.str("note"), PublishedAt: r.str("publishedAt"), PublishedBy: r.str("publishedBy")}
	kinds, content := r.str("unitKinds"), r.str("content")
	// A malformed field from elsewhere leaves the set empty rather than unreadable: the
	// editor shows it and the board can fix the draft.
	_ = json.Unmarshal([]byte(kinds), &s.UnitKinds)
	_ = json.Unmarshal([]byte(content), &s.CriteriaContent)
	return s, nil
}

func setValues(s domain.CriteriaSet) (Values, error) {
	kinds, err := json.Marshal(s.UnitKinds)
	if err != nil {
		return nil, err
	}
	content, err := json.Marshal(s.CriteriaContent)
	if err != nil {
		return nil, err
	}
	example := 0
	if s.Example {
		example = 1
	}
	return Values{"seriesId": s.SeriesID, "name": s.Name, "version": s.Version, "status": string(s.Status),
		"effectiveMonth": s.EffectiveMonth, "unitKinds": string(kinds), "content": string(content), "example": example,
		"note": s.Note, "publishedAt": s.PublishedAt, "publishedBy": s.PublishedBy}, nil
}

type querier interface {
	QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row
}

func listSets(ctx context.Context, q querier) ([]domain.CriteriaSet, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+setColumns+` FROM criteria_sets WHERE deleted = 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.CriteriaSet
	for rows.Next() {
		s, err := scanSet(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// ListCriteriaSets returns every version of every set: newest effective month first, then
// the highest version.
func (s *Store) ListCriteriaSets(ctx context.Context) ([]domain.CriteriaSet, error) {
	sets, err := listSets(ctx, s.db)
	if err != nil {
		return nil, err
	}
	states, err := s.syncStatesOfKinds(ctx, kinds.CriteriaSet)
	if err != nil {
		return nil, err
	}
	for i := range sets {
		sets[i].SyncState, _ = states.of(sets[i].ID)
	}
	sort.SliceStable(sets, func(i, j int) bool {
		a, b := sets[i], sets[j]
		if a.EffectiveMonth != b.EffectiveMonth {
			return a.EffectiveMonth > b.EffectiveMonth
		}
		if a.Version != b.Version {
			return a.Version > b.Version
		}
		return textutil.Compare(a.Name, b.Name) < 0
	})
	return sets, nil
}

// GetCriteriaSet returns one version. Errors: ENotFound.
func (s *Store) GetCriteriaSet(ctx context.Context, id string) (domain.CriteriaSet, error) {
	set, err := getSet(ctx, s.db, id)
	if err != nil {
		return set, err
	}
	states, err := s.syncStatesOf(ctx, id)
	set.SyncState, _ = states.of(id)
	return set, err
}

func getSet(ctx context.Context, q querier, id string) (domain.CriteriaSet, error) {
	set, err := scanSet(q.QueryRowContext(ctx, `SELECT `+setColumns+` FROM criteria_sets WHERE id = ? AND deleted = 0`, id))
	if err == sql.ErrNoRows {
		return set, domain.Errorf(domain.ENotFound, "", "Không tìm thấy bộ tiêu chí.", "Criteria set not found.")
	}
	return set, err
}

// txq adapts a transaction to querier with the transaction's context.
type txq struct{ *sql.Tx }

func errPublished(s domain.CriteriaSet) error {
	return domain.Errorf(domain.EInvalid, "status", "Bộ tiêu chí “%s” (phiên bản %d) đã ban hành nên không thể sửa hay xóa; hãy tạo phiên bản mới.",
		"The criteria set “%s” (version %d) is published and cannot change; make a new version.", s.Name, s.Version)
}

// SaveCriteriaSet creates a draft (empty ID: a new set of its own series, or the next
// version of set.SeriesID) or updates a draft. A published set never changes. Errors:
// EInvalid, ENotFound.
func (s *Store) SaveCriteriaSet(ctx context.Context, set domain.CriteriaSet) (domain.CriteriaSet, error) {
	set.Name = textutil.NFC(set.Name)
	set.Status = domain.SetDraft
	set.PublishedAt, set.PublishedBy, set.Example = "", "", false
	set.Normalize()
	err := s.write(ctx, func(tx *sql.Tx) error {
		if set.ID == "" {
			set.ID = NewID()
			if set.SeriesID == "" {
				set.SeriesID, set.Version = set.ID, 1
			} else {
				v, err := nextVersion(ctx, tx, set.SeriesID)
				if err != nil {
					return err
				}
				set.Version = v
			}
		} else {
			old, err := getSet(ctx, txq{tx}, set.ID)
			if err != nil {
				return err
			}
			if old.Status == domain.SetPublished {
				return errPublished(old)
			}
			set.SeriesID, set.Version = old.SeriesID, old.Version
		}
		if err := set.Validate(); err != nil {
			return err
		}
		vals, err := setValues(set)
		if err != nil {
			return err
		}
		_, err = s.putRecord(tx, kindCriteriaSet, set.ID, vals)
		return err
	})
	if err != nil {
		return domain.CriteriaSet{}, err
	}
	return s.GetCriteriaSet(ctx, set.ID)
}

func (q txq) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	return q.Tx.QueryContext(ctx, query, args...)
}

func (q txq) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	return q.Tx.QueryRowContext(ctx, query, args...)
}

func nextVersion(ctx context.Context, tx *sql.Tx, series string) (int, error) {
	var v int
	err := tx.QueryRowContext(ctx, `SELECT coalesce(max(version), 0) FROM criteria_sets WHERE series_id = ? AND deleted = 0`, series).Scan(&v)
	if err == nil && v == 0 {
		return 0, domain.Errorf(domain.ENotFound, "seriesId", "Không tìm thấy bộ tiêu chí gốc của phiên bản mới.", "The set to make a new version of does not exist.")
	}
	return v + 1, err
}

// NewCriteriaSetVersion copies a version into a new draft of the same series that takes
// effect from month. Errors: EInvalid, ENotFound.
func (s *Store) NewCriteriaSetVersion(ctx context.Context, id, month string) (domain.CriteriaSet, error) {
	old, err := getSet(ctx, s.db, id)
	if err != nil {
		return old, err
	}
	next := old
	next.ID, next.EffectiveMonth = "", month // SaveCriteriaSet makes it a draft, not the example
	return s.SaveCriteriaSet(ctx, next)
}

// PublishCriteriaSet makes a draft final. It must be valid and take effect no earlier than
// the series' latest published version: months already scored keep the version they were
// scored with. Errors: EInvalid, ENotFound.
func (s *Store) PublishCriteriaSet(ctx context.Context, id string) (domain.CriteriaSet, error) {
	err := s.write(ctx, func(tx *sql.Tx) error {
		set, err := getSet(ctx, txq{tx}, id)
		if err != nil {
			return err
		}
		if set.Status == domain.SetPublished {
			return errPublished(set)
		}
		if err := set.Validate(); err != nil {
			return err
		}
		var latest string
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(effective_month), '') FROM criteria_sets
			WHERE series_id = ? AND status = 'published' AND deleted = 0`, set.SeriesID).Scan(&latest); err != nil {
			return err
		}
		if latest != "" && set.EffectiveMonth < latest {
			return domain.Errorf(domain.EInvalid, "effectiveMonth", "Phiên bản mới phải áp dụng từ tháng %s trở về sau (phiên bản đang dùng áp dụng từ tháng %s).",
				"The new version must take effect from %s or later (the current one from %s).", latest, latest)
		}
		_, err = s.putRecord(tx, kindCriteriaSet, id, Values{"status": string(domain.SetPublished),
			"publishedAt": s.nowUTC(), "publishedBy": s.userID})
		return err
	})
	if err != nil {
		return domain.CriteriaSet{}, err
	}
	return s.GetCriteriaSet(ctx, id)
}

// DeleteCriteriaSet removes a draft. Errors: EInvalid (published), ENotFound.
func (s *Store) DeleteCriteriaSet(ctx context.Context, id string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		set, err := getSet(ctx, txq{tx}, id)
		if err != nil {
			return err
		}
		if set.Status == domain.SetPublished {
			return errPublished(set)
		}
		return s.deleteRecord(tx, kindCriteriaSet, id)
	})
}

// LoadExampleCriteriaSet installs the shipped example set (published, effective from
// January 2018) as a local write, so that it reaches the communes like a set the board
// publishes. It has a fixed id and content: loading it twice changes nothing, and two
// boards that both load it write the same record (the server takes the second as no
// change).
//
// id chooses the example (domain.ExampleCriteriaSets; "" = Kim Sơn's of 2018).
func (s *Store) LoadExampleCriteriaSet(ctx context.Context, id string) (domain.CriteriaSet, error) {
	if id == "" {
		id = domain.ExampleCriteriaSetID
	}
	set, ok := domain.ExampleCriteriaSets()[id]
	if !ok {
		return set, domain.Errorf(domain.EInvalid, "id", "Không có bộ tiêu chí mẫu này.", "No such example set.")
	}
	set.PublishedAt = set.EffectiveMonth + "-01T00:00:00Z"
	set.Normalize()
	if err := set.Validate(); err != nil {
		return set, err
	}
	vals, err := setValues(set)
	if err != nil {
		return set, err
	}
	err = s.write(ctx, func(tx *sql.Tx) error {
		_, err := s.putRecord(tx, kindCriteriaSet, set.ID, vals)
		return err
	})
	if err != nil {
		return set, err
	}
	return s.GetCriteriaSet(ctx, set.ID)
}

// ImportCriteriaSets merges sets as records every replica already has (one clock for every
// field, no change log): the shipped example and demo data.
func (s *Store) ImportCriteriaSets(ctx context.Context, clock string, sets ...domain.CriteriaSet) error {
	var recs []Record
	for _, set := range sets {
		set.Normalize()
		if err := set.Validate(); err != nil {
			return err
		}
		vals, err := setValues(set)
		if err != nil {
			return err
		}
		recs = append(recs, snapshotRecord(kindCriteriaSet, set.ID, clock, vals))
	}
	return s.mergeAll(ctx, recs)
}

func snapshotRecord(k *kindSpec, id, clock string, v Values) Record {
	r := Record{Kind: k.kind, ID: id, HLC: clock, Fields: map[string]json.RawMessage{}, FieldHLC: map[string]string{}}
	for name, x := range v {
		b, _ := json.Marshal(x)
		r.Fields[name] = b
		r.FieldHLC[name] = clock
	}
	return r
}

func (s *Store) mergeAll(ctx context.Context, recs []Record) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		for _, r := range recs {
			if err := s.mergeRecord(tx, r); err != nil {
				return err
			}
		}
		return nil
	})
}

// setFor picks the published version that scores an organization of kind in month: the
// latest effective month not after month, then the highest version. nil when none applies.
func setFor(sets []domain.CriteriaSet, kind domain.UnitKind, month string) *domain.CriteriaSet {
	var best *domain.CriteriaSet
	for i := range sets {
		c := &sets[i]
		if c.Status != domain.SetPublished || c.EffectiveMonth > month || !c.AppliesTo(kind) {
			continue
		}
		if best == nil || c.EffectiveMonth > best.EffectiveMonth ||
			(c.EffectiveMonth == best.EffectiveMonth && c.Version > best.Version) ||
			(c.EffectiveMonth == best.EffectiveMonth && c.Version == best.Version && c.ID > best.ID) {
			best = c
		}
	}
	return best
}
