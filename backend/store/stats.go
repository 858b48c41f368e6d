package store

import "context"

// Stats counts the registry as `chibo-server stats` prints it. Only active units and
// officials count; closed and merged ones are history.
type Stats struct {
	Communes             int `json:"communes"`
	GrassrootsCommittees int `json:"grassroots_committees"`
	GrassrootsCells      int `json:"grassroots_cells"`
	SubordinateCells     int `json:"subordinate_cells"`
	Members              int `json:"members"`
	ProbationaryMembers  int `json:"probationary_members"`
	ReligiousMembers     int `json:"religious_members"`
	DistrictCadres       int `json:"district_cadres"`
	StandingBoard        int `json:"standing_board"`
	StandingCommittee    int `json:"standing_committee"`
	DistrictCommittee    int `json:"district_committee"`
	OrgBoard             int `json:"org_board"`
	CommuneOffices       int `json:"commune_offices"`
	Areas                int `json:"areas"`
	Clusters             int `json:"clusters"`
	Units                int `json:"units"`
}

// Stats counts what the registry holds.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	var st Stats
	err := s.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM communes WHERE deleted = 0 AND status = 'active'),
		(SELECT count(*) FROM units WHERE deleted = 0 AND status = 'active' AND kind = 'grassroots_committee'),
		(SELECT count(*) FROM units WHERE deleted = 0 AND status = 'active' AND kind = 'grassroots_cell'),
		(SELECT count(*) FROM units WHERE deleted = 0 AND status = 'active' AND kind = 'subordinate_cell'),
		(SELECT coalesce(sum(members), 0) FROM units WHERE deleted = 0 AND status = 'active'),
		(SELECT coalesce(sum(probationary), 0) FROM units WHERE deleted = 0 AND status = 'active'),
		(SELECT coalesce(sum(religious), 0) FROM units WHERE deleted = 0 AND status = 'active'),
		(SELECT count(*) FROM officials WHERE deleted = 0 AND active = 1 AND role = 'district_cadre'),
		(SELECT count(*) FROM officials WHERE deleted = 0 AND active = 1 AND role = 'standing_board'),
		(SELECT count(*) FROM officials WHERE deleted = 0 AND active = 1 AND role = 'standing_committee'),
		(SELECT count(*) FROM officials WHERE deleted = 0 AND active = 1 AND role = 'district_committee'),
		(SELECT count(*) FROM officials WHERE deleted = 0 AND active = 1 AND role = 'org_board'),
		(SELECT count(*) FROM officials WHERE deleted = 0 AND active = 1 AND role = 'commune_office'),
		(SELECT count(*) FROM areas WHERE deleted = 0),
		(SELECT count(*) FROM clusters WHERE deleted = 0),
		(SELECT count(*) FROM units WHERE deleted = 0)`).Scan(
		&st.Communes, &st.GrassrootsCommittees, &st.GrassrootsCells, &st.SubordinateCells, &st.Members,
		&st.ProbationaryMembers, &st.ReligiousMembers, &st.DistrictCadres, &st.StandingBoard, &st.StandingCommittee,
		&st.DistrictCommittee, &st.OrgBoard, &st.CommuneOffices, &st.Areas, &st.Clusters, &st.Units)
	return st, err
}
