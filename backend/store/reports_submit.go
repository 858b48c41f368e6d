package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"

	"github.com/google/uuid"

	"chibo/backend/domain"
	"chibo/backend/textutil"
)

var reportSelect = `SELECT ` + kindReport.columns("") + ` FROM visit_reports`

func scanReport(sc interface{ Scan(...any) error }) (domain.Report, error) {
	x, err := kindReport.scan(sc)
	if err != nil {
		return domain.Report{}, err
	}
	r := domain.Report{ID: x.id, VisitID: x.str("visitId"), TemplateID: x.str("templateId"), TemplateVersion: x.int("templateVersion"),
		CellID: x.str("cellId"), CommuneID: x.str("communeId"), OfficialID: x.str("officialId"), CommitteeID: x.str("committeeId"), SubmittedAt: x.str("submittedAt"),
		Amends: x.str("amends"), Revision: x.int("revision"), Reason: x.str("reason")}
	return r, json.Unmarshal([]byte(x.str("values")), &r.Values)
}

func errReportNotFound() error {
	return domain.Errorf(domain.ENotFound, "", "Không tìm thấy báo cáo.", "Report not found.")
}

// latestRevisionTx returns the newest revision of the report whose original is rootID.
func latestRevisionTx(tx *sql.Tx, rootID string) (domain.Report, error) {
	r, err := scanReport(tx.QueryRow(reportSelect+` WHERE deleted = 0 AND (id = ? OR amends = ?) ORDER BY revision DESC LIMIT 1`, rootID, rootID))
	if err == sql.ErrNoRows {
		return r, errReportNotFound()
	}
	return r, err
}

// SubmitReport turns the saved draft of a visit's report (or of an amendment of the report
// amends) into a submitted report, in one transaction: required fields and attendance are
// checked against the draft's template version; the report is inserted and never changed
// again; the visit becomes reported; the visited commune's release is written with the
// feedback given on the spot; the draft is removed. An amendment needs a reason and
// becomes the next revision. Errors: EInvalid, ENotFound.
func (s *Store) SubmitReport(ctx context.Context, visitID, amends, reason string) (domain.Report, error) {
	reason = strings.TrimSpace(textutil.NFC(reason))
	var r domain.Report
	err := s.write(ctx, func(tx *sql.Tx) error {
		v, err := getVisitTx(tx, visitID)
		if err != nil {
			return err
		}
		if err := v.CanReport(s.today()); err != nil {
			return err
		}
		if amends == "" {
			var n int
			if err := tx.QueryRow(`SELECT count(*) FROM visit_reports WHERE visit_id = ? AND deleted = 0`, visitID).Scan(&n); err != nil {
				return err
			} else if n > 0 {
				return errAlreadySubmitted()
			}
		} else {
			last, err := latestRevisionTx(tx, amends)
			if err != nil {
				return err
			}
			if last.VisitID != visitID {
				return errReportNotFound()
			}
			if reason == "" {
				return domain.Errorf(domain.EInvalid, "reason", "Cần ghi lý do đính chính.", "An amendment needs a reason.")
			}
			r.Amends, r.Revision, r.Reason = amends, last.Revision+1, reason
		}
		var vj string
		err = tx.QueryRow(`SELECT template_id, template_version, values_json FROM report_drafts WHERE visit_id = ? AND amends = ?`,
			visitID, amends).Scan(&r.TemplateID, &r.TemplateVersion, &vj)
		if err == sql.ErrNoRows {
			return domain.Errorf(domain.EInvalid, "", "Chưa có nội dung báo cáo để nộp.", "There is no report content to submit.")
		} else if err != nil {
			return err
		}
		if err := json.Unmarshal([]byte(vj), &r.Values); err != nil {
			return err
		}
		t, err := s.templateTx(tx, r.TemplateID)
		if err != nil {
			return err
		}
		if err := domain.ValidateReport(&t, r.Values); err != nil {
			return err
		}
		r.ID, r.VisitID, r.CellID, r.CommuneID, r.OfficialID, r.CommitteeID = NewID(), v.ID, v.CellID, v.CommuneID, v.OfficialID, v.CommitteeID
		r.SubmittedAt = s.nowUTC()
		if err := s.insertReport(tx, r); err != nil {
			return err
		}
		if v.Status != domain.VisitReported {
			if _, err := s.putRecord(tx, kindVisit, v.ID, Values{"status": string(domain.VisitReported)}); err != nil {
				return err
			}
		}
		if err := s.writeRelease(tx, r, &t, v, false); err != nil {
			return err
		}
		_, err = tx.Exec(`DELETE FROM report_drafts WHERE visit_id = ? AND amends = ?`, visitID, amends)
		return err
	})
	return r, err
}

// insertReport writes a report that must not exist yet: reports are insert-only.
func (s *Store) insertReport(tx *sql.Tx, r domain.Report) error {
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM visit_reports WHERE id = ?`, r.ID).Scan(&n); err != nil {
		return err
	} else if n > 0 {
		return domain.Errorf(domain.EConflict, "", "Báo cáo đã nộp không sửa được.", "A submitted report cannot be changed.")
	}
	vj, err := json.Marshal(r.Values)
	if err != nil {
		return err
	}
	_, err = s.putRecord(tx, kindReport, r.ID, Values{"visitId": r.VisitID, "templateId": r.TemplateID, "templateVersion": r.TemplateVersion,
		"cellId": r.CellID, "communeId": r.CommuneID, "officialId": r.OfficialID, "committeeId": r.CommitteeID, "values": string(vj),
		"submittedAt": r.SubmittedAt, "amends": r.Amends, "revision": r.Revision, "reason": r.Reason, "restricted": 1})
	return err
}

// ReleaseID is the id of the release of the report whose original is rootID, derived from
// it so that two devices of the district that write the release (the author's laptop at
// submit, the Standing Office when it releases the assessment, an amendment on another
// laptop) write one record, which sync merges field by field, never two.
func ReleaseID(rootID string) string {
	return uuid.NewSHA1(releaseNS, []byte("visit_release/"+rootID)).String()
}

var releaseNS = uuid.MustParse("5b1e4a52-6c1d-4f4e-9a8e-3c7d2f0b9e11")

// writeRelease writes what the visited commune receives of report r: date, official and
// feedback, and the assessment when the district released it (now, or before an amendment).
func (s *Store) writeRelease(tx *sql.Tx, r domain.Report, t *domain.ReportTemplate, v domain.Visit, releaseAssessment bool) error {
	root := r.ID
	if r.Amends != "" {
		root = r.Amends
	}
	id := ReleaseID(root)
	var assessment string
	err := tx.QueryRow(`SELECT assessment FROM visit_releases WHERE id = ? AND deleted = 0`, id).Scan(&assessment)
	if err != nil && err != sql.ErrNoRows {
		return err
	}
	vals := Values{"reportId": root, "cellId": v.CellID, "communeId": v.CommuneID, "date": v.Date, "officialName": v.OfficialName,
		"feedback": domain.Released(t, r.Values, domain.ReleaseFeedback), "restricted": 0}
	if releaseAssessment || assessment != "" {
		vals["assessment"] = domain.Released(t, r.Values, domain.ReleaseAssessment)
	}
	_, err = s.putRecord(tx, kindRelease, id, vals)
	return err
}

// ReleaseAssessment releases the internal assessment of a report (reportID is the
// original's id; its newest revision is released) to the visited commune's office.
// Errors: ENotFound.
func (s *Store) ReleaseAssessment(ctx context.Context, reportID string) (domain.VisitRelease, error) {
	var out domain.VisitRelease
	err := s.write(ctx, func(tx *sql.Tx) error {
		r, err := latestRevisionTx(tx, reportID)
		if err != nil {
			return err
		}
		v, err := getVisitTx(tx, r.VisitID)
		if err != nil {
			return err
		}
		t, err := s.templateTx(tx, r.TemplateID)
		if err != nil {
			return err
		}
		if err := s.writeRelease(tx, r, &t, v, true); err != nil {
			return err
		}
		root := r.ID
		if r.Amends != "" {
			root = r.Amends
		}
		out, err = scanRelease(tx.QueryRow(releaseSelect+` WHERE r.report_id = ?`, root))
		return err
	})
	return out, err
}

// GetReport returns one report revision. Errors: ENotFound.
func (s *Store) GetReport(ctx context.Context, id string) (domain.Report, error) {
	r, err := scanReport(s.db.QueryRowContext(ctx, reportSelect+` WHERE id = ? AND deleted = 0`, id))
	if err == sql.ErrNoRows {
		return r, errReportNotFound()
	}
	return r, err
}

// ReportHistory returns a report and its amendments, oldest first: the original is never
// overwritten, so the history is complete.
func (s *Store) ReportHistory(ctx context.Context, rootID string) ([]domain.Report, error) {
	return s.queryReports(ctx, reportSelect+` WHERE deleted = 0 AND (id = ? OR amends = ?) ORDER BY revision`, rootID, rootID)
}

// ListReports returns the newest revision of every report of a month's visits (all months
// when month is empty), by date.
func (s *Store) ListReports(ctx context.Context, month string) ([]domain.Report, error) {
	return s.queryReports(ctx, reportSelect+` r WHERE r.deleted = 0 AND r.visit_id IN (SELECT id FROM visits WHERE date LIKE ?)
		AND NOT EXISTS (SELECT 1 FROM visit_reports n WHERE n.deleted = 0 AND n.amends = coalesce(nullif(r.amends, ''), r.id) AND n.revision > r.revision)
		ORDER BY (SELECT date FROM visits WHERE id = r.visit_id), r.submitted_at`, month+"%")
}

func (s *Store) queryReports(ctx context.Context, q string, args ...any) ([]domain.Report, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.Report{}
	for rows.Next() {
		r, err := scanReport(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

var releaseSelect = `SELECT ` + kindRelease.columns("r.") + `, coalesce(u.name, '') FROM visit_releases r LEFT JOIN units u ON u.id = r.cell_id`

func scanRelease(sc interface{ Scan(...any) error }) (domain.VisitRelease, error) {
	var x domain.VisitRelease
	r, err := kindRelease.scan(sc, &x.CellName)
	x.ID, x.ReportID, x.CellID, x.CommuneID, x.Date = r.id, r.str("reportId"), r.str("cellId"), r.str("communeId"), r.str("date")
	x.OfficialName, x.Feedback, x.Assessment = r.str("officialName"), r.str("feedback"), r.str("assessment")
	return x, err
}

// ListReleases returns what the visits to a commune's cells released to it ("" for every
// commune), newest first: the only trace of a visit a commune office holds.
func (s *Store) ListReleases(ctx context.Context, communeID string) ([]domain.VisitRelease, error) {
	q, args := releaseSelect+` WHERE r.deleted = 0`, []any{}
	if communeID != "" {
		q += ` AND r.commune_id = ?`
		args = append(args, communeID)
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY r.date DESC`, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []domain.VisitRelease{}
	for rows.Next() {
		x, err := scanRelease(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, x)
	}
	return out, rows.Err()
}
