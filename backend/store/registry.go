package store

import (
	"context"
	"database/sql"

	"chibo/backend/domain"
	"chibo/backend/kinds"
	"chibo/backend/textutil"
)

// ListCommunes returns every commune that is not deleted, in Vietnamese order.
func (s *Store) ListCommunes(ctx context.Context) ([]domain.Commune, error) {
	var cs []domain.Commune
	err := queryEach(ctx, s.db, `SELECT `+kindCommune.columns("")+` FROM communes WHERE deleted = 0`, nil, func(rows *sql.Rows) error {
		r, err := kindCommune.scan(rows)
		cs = append(cs, domain.Commune{ID: r.id, Name: r.str("name"), Kind: domain.CommuneKind(r.str("kind")), AreaID: r.str("areaId"),
			ClusterID: r.str("clusterId"), Status: domain.UnitStatus(r.str("status")), MergedIntoID: r.str("mergedIntoId")})
		return err
	})
	if err != nil {
		return nil, err
	}
	states, err := s.syncStatesOfKinds(ctx, kinds.Commune)
	if err != nil {
		return nil, err
	}
	for i := range cs {
		cs[i].SyncState, _ = states.of(cs[i].ID)
	}
	sortByName(cs, func(c domain.Commune) string { return c.Name })
	return cs, nil
}

// SaveCommune creates c when its ID is empty, else updates it. Errors: EInvalid.
func (s *Store) SaveCommune(ctx context.Context, c domain.Commune) (domain.Commune, error) {
	c.Name = textutil.NFC(c.Name)
	c.Normalize()
	if err := c.Validate(); err != nil {
		return c, err
	}
	if c.ID == "" {
		c.ID = NewID()
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := checkRef(tx, "areas", c.AreaID, "areaId", "tiểu khu", "area"); err != nil {
			return err
		}
		if err := checkRef(tx, "clusters", c.ClusterID, "clusterId", "cụm xã", "cluster"); err != nil {
			return err
		}
		var n int
		if err := tx.QueryRow(`SELECT count(*) FROM communes WHERE lower(name) = lower(?) AND id != ? AND deleted = 0 AND status = 'active'`, c.Name, c.ID).Scan(&n); err != nil {
			return err
		} else if n > 0 {
			return domain.Errorf(domain.EInvalid, "name", "Đã có xã, phường tên “%s”.", "A commune named “%s” already exists.", c.Name)
		}
		_, err := s.putRecord(tx, kindCommune, c.ID, Values{"name": c.Name, "kind": string(c.Kind), "areaId": c.AreaID, "clusterId": c.ClusterID, "status": string(c.Status)})
		return err
	})
	return c, err
}

func checkRef(tx *sql.Tx, table, id, field, whatVi, whatEn string) error {
	if id == "" {
		return nil
	}
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM `+table+` WHERE id = ? AND deleted = 0`, id).Scan(&n); err != nil {
		return err
	} else if n == 0 {
		return &domain.Error{Code: domain.EInvalid, Field: field, Message: "Không tìm thấy " + whatVi + " đã chọn.",
			MessageEN: "The selected " + whatEn + " does not exist."}
	}
	return nil
}

// ListAreas returns the areas (tiểu khu) in Vietnamese order.
func (s *Store) ListAreas(ctx context.Context) ([]domain.Area, error) {
	return listNamed(ctx, s.db, "areas", func(id, name string) domain.Area { return domain.Area{ID: id, Name: name} },
		func(a domain.Area) string { return a.Name })
}

// ListClusters returns the clusters (cụm xã) in Vietnamese order.
func (s *Store) ListClusters(ctx context.Context) ([]domain.Cluster, error) {
	return listNamed(ctx, s.db, "clusters", func(id, name string) domain.Cluster { return domain.Cluster{ID: id, Name: name} },
		func(c domain.Cluster) string { return c.Name })
}

func listNamed[T any](ctx context.Context, db *sql.DB, table string, mk func(id, name string) T, name func(T) string) ([]T, error) {
	rows, err := db.QueryContext(ctx, `SELECT id, name FROM `+table+` WHERE deleted = 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var xs []T
	for rows.Next() {
		var id, n string
		if err := rows.Scan(&id, &n); err != nil {
			return nil, err
		}
		xs = append(xs, mk(id, n))
	}
	sortByName(xs, name)
	return xs, rows.Err()
}

// SaveArea creates or renames an area. Errors: EInvalid.
func (s *Store) SaveArea(ctx context.Context, a domain.Area) (domain.Area, error) {
	a.Name = textutil.NFC(a.Name)
	if err := domain.ValidateName(a.Name, "tiểu khu", "area"); err != nil {
		return a, err
	}
	if a.ID == "" {
		a.ID = NewID()
	}
	return a, s.write(ctx, func(tx *sql.Tx) error {
		_, err := s.putRecord(tx, kindArea, a.ID, Values{"name": a.Name})
		return err
	})
}

// SaveCluster creates or renames a cluster. Errors: EInvalid.
func (s *Store) SaveCluster(ctx context.Context, c domain.Cluster) (domain.Cluster, error) {
	c.Name = textutil.NFC(c.Name)
	if err := domain.ValidateName(c.Name, "cụm xã", "cluster"); err != nil {
		return c, err
	}
	if c.ID == "" {
		c.ID = NewID()
	}
	return c, s.write(ctx, func(tx *sql.Tx) error {
		_, err := s.putRecord(tx, kindCluster, c.ID, Values{"name": c.Name})
		return err
	})
}

// ListOfficials returns every official in Vietnamese order of name.
func (s *Store) ListOfficials(ctx context.Context) ([]domain.Official, error) {
	var os []domain.Official
	err := queryEach(ctx, s.db, `SELECT `+kindOfficial.columns("")+` FROM officials WHERE deleted = 0`, nil, func(rows *sql.Rows) error {
		o, err := scanOfficial(rows)
		os = append(os, o)
		return err
	})
	if err != nil {
		return nil, err
	}
	states, err := s.syncStatesOfKinds(ctx, kinds.Official)
	if err != nil {
		return nil, err
	}
	for i := range os {
		os[i].SyncState, _ = states.of(os[i].ID)
	}
	sortByName(os, func(o domain.Official) string { return o.Name })
	return os, nil
}

// SaveOfficial creates or updates an official. Errors: EInvalid.
func (s *Store) SaveOfficial(ctx context.Context, o domain.Official) (domain.Official, error) {
	if o.CommitteeID != "" && o.CommuneID == "" {
		// A commune committee's official belongs to the committee's commune.
		s.db.QueryRowContext(ctx, `SELECT commune_id FROM units WHERE id = ? AND deleted = 0`, o.CommitteeID).Scan(&o.CommuneID)
	}
	o.Name = textutil.NFC(o.Name)
	o.Title = textutil.NFC(o.Title)
	o.Normalize()
	if err := o.Validate(); err != nil {
		return o, err
	}
	if o.ID == "" {
		o.ID = NewID()
	}
	if !o.Role.NeedsArea() || o.CommitteeID != "" {
		o.AreaID = ""
	}
	if !o.Role.NeedsCommune() && o.CommitteeID == "" {
		o.CommuneID = ""
	}
	return o, s.write(ctx, func(tx *sql.Tx) error {
		if err := checkCommittee(tx, o.CommitteeID, o.CommuneID); err != nil {
			return err
		}
		if err := checkRef(tx, "areas", o.AreaID, "areaId", "tiểu khu", "area"); err != nil {
			return err
		}
		if err := checkRef(tx, "communes", o.CommuneID, "communeId", "xã, phường", "commune"); err != nil {
			return err
		}
		active := 0
		if o.Active {
			active = 1
		}
		_, err := s.putRecord(tx, kindOfficial, o.ID, Values{"name": o.Name, "title": o.Title, "role": string(o.Role),
			"areaId": o.AreaID, "communeId": o.CommuneID, "committeeId": o.CommitteeID, "active": active})
		return err
	})
}

func scanOfficial(sc interface{ Scan(...any) error }) (domain.Official, error) {
	r, err := kindOfficial.scan(sc)
	return domain.Official{ID: r.id, Name: r.str("name"), Title: r.str("title"), Role: domain.Role(r.str("role")),
		AreaID: r.str("areaId"), CommuneID: r.str("communeId"), CommitteeID: r.str("committeeId"), Active: r.flag("active")}, err
}

// checkCommittee: an official of a commune committee belongs to that committee's commune.
func checkCommittee(tx *sql.Tx, committeeID, communeID string) error {
	if committeeID == "" {
		return nil
	}
	var kind, commune string
	err := tx.QueryRow(`SELECT kind, commune_id FROM units WHERE id = ? AND deleted = 0`, committeeID).Scan(&kind, &commune)
	if err == sql.ErrNoRows || (err == nil && kind != string(domain.KindSupervising) && kind != string(domain.KindGrassrootsCommittee)) || (err == nil && commune == "") {
		return domain.Errorf(domain.EInvalid, "committeeId", "Cấp ủy đã chọn không phải là đảng ủy của một xã.", "The chosen committee is not a commune's committee.")
	} else if err != nil {
		return err
	}
	if commune != communeID {
		return domain.Errorf(domain.EInvalid, "communeId", "Cán bộ của đảng ủy xã phải thuộc xã của đảng ủy đó.", "A commune committee's official belongs to its commune.")
	}
	return nil
}
