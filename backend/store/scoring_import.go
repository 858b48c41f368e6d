package store

import (
	"context"

	"chibo/backend/domain"
)

// ImportScoreSheets merges sheets, with their reviews, as records every replica already
// has (one clock, no change log), like the demo registry: the example year of sheets of
// the demo and the benchmark. Sheets are taken as given: it is for trusted data only.
func (s *Store) ImportScoreSheets(ctx context.Context, clock string, sheets []domain.ScoreSheet) error {
	recs := make([]Record, 0, 2*len(sheets))
	for _, sh := range sheets {
		v := Values{"unitId": sh.UnitID, "communeId": sh.CommuneID, "month": sh.Month, "criteriaSetId": sh.CriteriaSetID,
			"self": jsonText(sh.Self), "selfNote": sh.SelfNote, "submitted": boolInt(sh.Submitted), "submittedAt": sh.SubmittedAt,
			"submittedBy": sh.SubmittedBy, "locked": boolInt(sh.Locked)}
		recs = append(recs, snapshotRecord(kindScoreSheet, SheetID(sh.UnitID, sh.Month), clock, v))
		if r := sh.Review; r != nil {
			v := Values{"sheetId": SheetID(sh.UnitID, sh.Month), "unitId": sh.UnitID, "communeId": sh.CommuneID, "month": sh.Month,
				"verified": jsonText(r.Verified), "comment": r.Comment, "approved": boolInt(r.Approved), "approvedAt": r.ApprovedAt,
				"approvedBy": r.ApprovedBy, "unlockReason": r.UnlockReason, "unlockedAt": r.UnlockedAt, "unlockedBy": r.UnlockedBy,
				"restricted": boolInt(!r.Approved)}
			recs = append(recs, snapshotRecord(kindScoreReview, ReviewID(sh.UnitID, sh.Month), clock, v))
		}
	}
	return s.mergeAll(ctx, recs)
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// CommuneNames maps commune ids to names, for exports that print them.
func (s *Store) CommuneNames(ctx context.Context) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, name FROM communes WHERE deleted = 0`)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var id, name string
		if err := rows.Scan(&id, &name); err != nil {
			return nil, err
		}
		out[id] = name
	}
	return out, rows.Err()
}
