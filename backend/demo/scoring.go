package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"chibo/backend/domain"
	"chibo/backend/hlc"
)

// ScoringHLC stamps the example year of score sheets, like the registry's snapshot clock.
var ScoringHLC = hlc.Timestamp{Wall: time.Date(2019, 1, 15, 0, 0, 0, 0, time.UTC).UnixMilli(), Node: "demo"}.String()

// ScoringYear returns an example year of monthly score sheets for the 76 grassroots
// organizations of the Kim Sơn example, scored with the shipped example set: every month
// self-assessed, verified a little lower and approved. Deterministic, so replicas agree.
// The scores are invented to exercise the views, not taken from any source.
func ScoringYear(year int) []domain.ScoreSheet {
	set := domain.ExampleCriteriaSet()
	rng := rand.New(rand.NewPCG(uint64(year), 3059))
	var out []domain.ScoreSheet
	for _, u := range KimSon2018().Units {
		if !domain.ScoredKind(u.Kind) {
			continue
		}
		strength := 0.55 + 0.45*rng.Float64() // how well this organization does, 55–100 %
		for m := 1; m <= 12; m++ {
			month := fmt.Sprintf("%d-%02d", year, m)
			self, verified := domain.Scores{}, domain.Scores{}
			for _, g := range set.Groups {
				for _, c := range g.Criteria {
					share := min(1, strength+0.1*rng.Float64())
					s := roundHalf(c.MaxPoints * share)
					v := max(0, s-roundHalf(c.MaxPoints*0.1*rng.Float64()))
					self[c.Code] = domain.Score{Points: s, Note: "Có biên bản, báo cáo kèm theo"}
					verified[c.Code] = domain.Score{Points: v}
				}
			}
			if rng.IntN(10) == 0 {
				verified["T1"] = domain.Score{Points: 2, Note: "Mô hình dân vận khéo"}
			}
			if rng.IntN(12) == 0 {
				verified["P4"] = domain.Score{Points: 1, Note: "Nộp báo cáo chậm"}
			}
			at := time.Date(year, time.Month(m), 28, 2, 0, 0, 0, time.UTC).Format(time.RFC3339)
			out = append(out, domain.ScoreSheet{UnitID: u.ID, CommuneID: u.CommuneID, Month: month, CriteriaSetID: set.ID,
				Self: self, Submitted: true, SubmittedAt: at, Locked: true,
				Review: &domain.ScoreReview{Verified: verified, Approved: true, ApprovedAt: at, Comment: "Thống nhất kết quả thẩm định"}})
		}
	}
	return out
}

// roundHalf rounds to the nearest half point, as offices score.
func roundHalf(x float64) float64 { return float64(int(x*2+0.5)) / 2 }
