package domain

import (
	"fmt"
	"time"
)

// The leadership's overview (Tổng quan) and the periodic report made from it (issue 11).

// PeriodKind is the span a periodic report covers.
type PeriodKind string

const (
	PeriodMonth   PeriodKind = "month"   // báo cáo tháng
	PeriodQuarter PeriodKind = "quarter" // báo cáo quý
	PeriodYear    PeriodKind = "year"    // báo cáo năm
)

// Period is a month, a quarter or a year: N is the month (1–12) or the quarter (1–4),
// unused for a year.
type Period struct {
	Kind PeriodKind `json:"kind"`
	Year int        `json:"year"`
	N    int        `json:"n"`
}

// MonthPeriod is the period of one yyyy-mm month.
func MonthPeriod(month string) (Period, error) {
	t, err := ParseMonth(month)
	if err != nil {
		return Period{}, err
	}
	return Period{Kind: PeriodMonth, Year: t.Year(), N: int(t.Month())}, nil
}

// Validate checks the period.
func (p Period) Validate() error {
	bad := func() error {
		return Errorf(EInvalid, "period", "Kỳ báo cáo không hợp lệ.", "Invalid reporting period.")
	}
	if p.Year < 2000 || p.Year > 2200 {
		return bad()
	}
	switch p.Kind {
	case PeriodMonth:
		if p.N < 1 || p.N > 12 {
			return bad()
		}
	case PeriodQuarter:
		if p.N < 1 || p.N > 4 {
			return bad()
		}
	case PeriodYear:
	default:
		return bad()
	}
	return nil
}

// Months lists the period's months, yyyy-mm, in order.
func (p Period) Months() []string {
	first, n := 1, 12
	switch p.Kind {
	case PeriodMonth:
		first, n = p.N, 1
	case PeriodQuarter:
		first, n = 3*(p.N-1)+1, 3
	}
	out := make([]string, n)
	for i := range n {
		out[i] = fmt.Sprintf("%04d-%02d", p.Year, first+i)
	}
	return out
}

// First and Last are the period's first and last day, yyyy-mm-dd.
func (p Period) First() string { return p.Months()[0] + "-01" }
func (p Period) Last() string {
	ms := p.Months()
	t, _ := time.Parse("2006-01", ms[len(ms)-1])
	return t.AddDate(0, 1, -1).Format("2006-01-02")
}

var romanQuarters = []string{"I", "II", "III", "IV"}

// Label is the period as a report's title names it: "tháng 06 năm 2018", "quý II năm
// 2018", "năm 2018".
func (p Period) Label() string {
	switch p.Kind {
	case PeriodMonth:
		return fmt.Sprintf("tháng %02d năm %d", p.N, p.Year)
	case PeriodQuarter:
		return fmt.Sprintf("quý %s năm %d", romanQuarters[p.N-1], p.Year)
	}
	return fmt.Sprintf("năm %d", p.Year)
}

// SourceRemediation lists, in the tracker, the remediation items of issued conclusion
// notices beside the matters: they are followed the same way but recorded as remediation
// records (issue 10), so this source is never saved as a matter.
const SourceRemediation MatterSource = "remediation"

// MatterSources is every source the tracker lists, in the order screens show them.
var MatterSources = []MatterSource{SourceUrgent, SourceDialogue, SourceBriefing, SourceConcern, SourceRemediation}

// MatterCounts counts the matters of one source.
type MatterCounts struct {
	Source   MatterSource `json:"source"`
	Total    int          `json:"total"`
	Open     int          `json:"open"` // not yet a result
	Overdue  int          `json:"overdue"`
	Resolved int          `json:"resolved"`
	Partly   int          `json:"partly"`
	NotDone  int          `json:"notResolved"`
}

// Add counts one matter.
func (c *MatterCounts) Add(m Matter) {
	c.Total++
	switch m.State {
	case MatterResolved:
		c.Resolved++
	case MatterPartly:
		c.Partly++
	case MatterNotResolved:
		c.NotDone++
	default:
		c.Open++
	}
	if m.Overdue {
		c.Overdue++
	}
}

// RemediationCounts is the progress of the shortcomings named by issued notices.
type RemediationCounts struct {
	Items       int `json:"items"`
	Reported    int `json:"reported"` // the organization reported what it did
	Remedied    int `json:"remedied"` // the official verified the remedy
	NotRemedied int `json:"notRemedied"`
	Overdue     int `json:"overdue"`
}

// DialogueCounts is the year's dialogues and receptions.
type DialogueCounts struct {
	Communes   int `json:"communes"` // active communes
	Held       int `json:"held"`     // communes that held a dialogue with the people
	Dialogues  int `json:"dialogues"`
	Receptions int `json:"receptions"`
	Issues     int `json:"issues"`
	Answered   int `json:"answered"`
	// ShortOfReceptions counts communes below the two reception days a month (Kết luận
	// 215) in a month of the period that has passed.
	ShortOfReceptions int `json:"shortOfReceptions"`
}

// Overview is the leadership's overview of a period: each figure is the count of a list
// the screen opens, computed from that same list.
type Overview struct {
	Period Period `json:"period"`
	Label  string `json:"label"`
	// Cells and Scheduled: active cells, and the meetings registered in the period (not
	// cancelled); Expected is one meeting per cell for each month of it that has begun.
	Cells     int            `json:"cells"`
	Scheduled int            `json:"scheduled"`
	Expected  int            `json:"expected"`
	Visits    OverviewRow    `json:"visits"`   // planned, attended, reported in the period
	Communes  []OverviewRow  `json:"communes"` // the same by commune, in the device's scope
	Quality   map[string]int `json:"quality"`  // submitted reports by the meeting's quality grade
	// Scoring is the last month of the period: its grades (approved sheets) and the
	// organizations that sent nothing yet.
	ScoringMonth string            `json:"scoringMonth"`
	Grades       map[Grade]int     `json:"grades"`
	Ranked       []MonthRow        `json:"ranked"` // approved or verified, best first (the month's ranking)
	NotSubmitted int               `json:"notSubmitted"`
	Matters      []MatterCounts    `json:"matters"` // the period's year, by source
	Remediation  RemediationCounts `json:"remediation"`
	Dialogues    DialogueCounts    `json:"dialogues"`
	YearTheme    string            `json:"yearTheme"`
}

// QualityGrades are the report's meeting quality grades, best first.
var QualityGrades = []string{"Tốt", "Khá", "Trung bình", "Kém"}

// CoveragePercent is the share of expected meetings registered, rounded.
func (o Overview) CoveragePercent() int {
	if o.Expected == 0 {
		return 0
	}
	return min(100, (200*o.Scheduled+o.Expected)/(2*o.Expected)) // meetings registered ahead do not pass 100%
}
