package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"chibo/backend/domain"
	"chibo/backend/hlc"
	"chibo/backend/kinds"
	"chibo/backend/textutil"
)

var (
	kindReport   = spec(kinds.VisitReport)
	kindRelease  = spec(kinds.VisitRelease)
	kindTemplate = spec(kinds.ReportTemplate)
)

// builtinHLC stamps the built-in template: every device merges the same record with the
// same clock, so it never enters a change log and never conflicts.
var builtinHLC = hlc.Timestamp{Wall: time.Date(2018, 1, 1, 0, 0, 0, 0, time.UTC).UnixMilli(), Node: "builtin"}.String()

// ensureDefaultTemplate merges version 1 of the default template the first time it is needed.
func (s *Store) ensureDefaultTemplate(tx *sql.Tx) error {
	var n int
	if err := tx.QueryRow(`SELECT count(*) FROM report_templates WHERE id = ?`, domain.DefaultTemplateID).Scan(&n); err != nil || n > 0 {
		return err
	}
	t := domain.DefaultReportTemplate()
	r := Record{Kind: kindTemplate.kind, ID: t.ID, HLC: builtinHLC, Fields: map[string]json.RawMessage{}, FieldHLC: map[string]string{}}
	for name, v := range templateValues(t) {
		b, _ := json.Marshal(v)
		r.Fields[name], r.FieldHLC[name] = b, builtinHLC
	}
	return s.mergeRecord(tx, r)
}

func templateValues(t domain.ReportTemplate) Values {
	fj, _ := json.Marshal(t.Fields)
	cj, _ := json.Marshal(t.Checks)
	return Values{"name": t.Name, "version": t.Version, "fields": string(fj), "checks": string(cj), "createdAt": t.CreatedAt, "restricted": 0}
}

var templateSelect = `SELECT ` + kindTemplate.columns("") + ` FROM report_templates WHERE deleted = 0`

func scanTemplate(sc interface{ Scan(...any) error }) (domain.ReportTemplate, error) {
	r, err := kindTemplate.scan(sc)
	if err != nil {
		return domain.ReportTemplate{}, err
	}
	t := domain.ReportTemplate{ID: r.id, Name: r.str("name"), Version: r.int("version"), CreatedAt: r.str("createdAt")}
	t.Fields, t.Checks, err = domain.ParseTemplateFields(r.str("fields"), r.str("checks"))
	return t, err
}

// ListTemplates returns every version of the report template, newest first.
func (s *Store) ListTemplates(ctx context.Context) ([]domain.ReportTemplate, error) {
	var out []domain.ReportTemplate
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := s.ensureDefaultTemplate(tx); err != nil {
			return err
		}
		rows, err := tx.Query(templateSelect + ` ORDER BY version DESC`)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			t, err := scanTemplate(rows)
			if err != nil {
				return err
			}
			out = append(out, t)
		}
		return rows.Err()
	})
	return out, err
}

func (s *Store) templateTx(tx *sql.Tx, id string) (domain.ReportTemplate, error) {
	if err := s.ensureDefaultTemplateIfNeeded(tx, id); err != nil {
		return domain.ReportTemplate{}, err
	}
	q, args := templateSelect+` ORDER BY version DESC LIMIT 1`, []any{}
	if id != "" {
		q, args = templateSelect+` AND id = ?`, []any{id}
	}
	t, err := scanTemplate(tx.QueryRow(q, args...))
	if err == sql.ErrNoRows {
		return t, domain.Errorf(domain.ENotFound, "templateId", "Không tìm thấy mẫu báo cáo.", "Report template not found.")
	}
	return t, err
}

// ensureDefaultTemplateIfNeeded merges the built-in template when no template or the
// built-in one is asked for and it is missing.
func (s *Store) ensureDefaultTemplateIfNeeded(tx *sql.Tx, id string) error {
	if id != "" && id != domain.DefaultTemplateID {
		return nil
	}
	return s.ensureDefaultTemplate(tx)
}

// GetTemplate returns one template version ("" for the newest). Errors: ENotFound.
func (s *Store) GetTemplate(ctx context.Context, id string) (domain.ReportTemplate, error) {
	var t domain.ReportTemplate
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		t, err = s.templateTx(tx, id)
		return err
	})
	return t, err
}

// SaveTemplateVersion saves t as a new version, one above the newest: versions are never
// edited, so every report keeps reading the version it was written on. Errors: EInvalid.
func (s *Store) SaveTemplateVersion(ctx context.Context, t domain.ReportTemplate) (domain.ReportTemplate, error) {
	t.Name = strings.TrimSpace(textutil.NFC(t.Name))
	for i := range t.Fields {
		t.Fields[i].Label = strings.TrimSpace(textutil.NFC(t.Fields[i].Label))
	}
	err := s.write(ctx, func(tx *sql.Tx) error {
		if err := s.ensureDefaultTemplate(tx); err != nil {
			return err
		}
		if err := tx.QueryRow(`SELECT coalesce(max(version), 0) + 1 FROM report_templates WHERE deleted = 0`).Scan(&t.Version); err != nil {
			return err
		}
		if err := t.Validate(); err != nil {
			return err
		}
		t.ID = NewID()
		t.CreatedAt = s.nowUTC()
		_, err := s.putRecord(tx, kindTemplate, t.ID, templateValues(t))
		return err
	})
	return t, err
}

// SaveReportDraft stores the report being typed. It is called on every change, validates
// nothing (half-typed content must be kept), never touches the change log, and commits
// with synchronous=FULL, so a crash loses at most the keystroke in flight. The first draft
// of a planned visit marks it attended. Errors: ENotFound.
func (s *Store) SaveReportDraft(ctx context.Context, d domain.ReportDraft) (domain.ReportDraft, error) {
	if d.Values == nil {
		d.Values = map[string]any{}
	}
	vj, err := json.Marshal(d.Values)
	if err != nil {
		return d, domain.Errorf(domain.EInvalid, "values", "Nội dung báo cáo không hợp lệ.", "Invalid report content.")
	}
	d.UpdatedAt = s.nowNano()
	err = s.write(ctx, func(tx *sql.Tx) error {
		v, err := getVisitTx(tx, d.VisitID)
		if err != nil {
			return err
		}
		if v.Status == domain.VisitReported && d.Amends == "" {
			return errAlreadySubmitted()
		}
		if d.TemplateID == "" {
			t, err := s.templateTx(tx, "")
			if err != nil {
				return err
			}
			d.TemplateID, d.TemplateVersion = t.ID, t.Version
		}
		if _, err := tx.Exec(`INSERT INTO report_drafts(visit_id, amends, template_id, template_version, values_json, updated_at)
			VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(visit_id, amends) DO UPDATE SET values_json = excluded.values_json,
			updated_at = excluded.updated_at, template_id = excluded.template_id, template_version = excluded.template_version`,
			d.VisitID, d.Amends, d.TemplateID, d.TemplateVersion, string(vj), d.UpdatedAt); err != nil {
			return err
		}
		if v.Status == domain.VisitPlanned && v.HasHappened(s.today()) {
			// A draft prepared before the meeting does not count the visit as attended.
			_, err = s.putRecord(tx, kindVisit, v.ID, Values{"status": string(domain.VisitAttended)})
		}
		return err
	})
	return d, err
}

// ReportForm is what the report screen needs: the draft (saved, or new and prefilled from
// the visit), its template, and whether it was found saved.
type ReportForm struct {
	Draft    domain.ReportDraft    `json:"draft"`
	Template domain.ReportTemplate `json:"template"`
	Visit    domain.Visit          `json:"visit"`
	Saved    bool                  `json:"saved"`
}

// OpenReportForm returns the saved draft of a visit's report (or of an amendment of
// report amends), or a new one: prefilled from the visit on the newest template, or, for
// an amendment, a copy of the amended report on its own template version.
func (s *Store) OpenReportForm(ctx context.Context, visitID, amends string) (ReportForm, error) {
	var f ReportForm
	err := s.write(ctx, func(tx *sql.Tx) error {
		var err error
		if f.Visit, err = getVisitTx(tx, visitID); err != nil {
			return err
		}
		var vj string
		err = tx.QueryRow(`SELECT template_id, template_version, values_json, updated_at FROM report_drafts WHERE visit_id = ? AND amends = ?`,
			visitID, amends).Scan(&f.Draft.TemplateID, &f.Draft.TemplateVersion, &vj, &f.Draft.UpdatedAt)
		switch {
		case err == nil:
			f.Saved = true
			if err := json.Unmarshal([]byte(vj), &f.Draft.Values); err != nil {
				return err
			}
		case err != sql.ErrNoRows:
			return err
		case amends != "":
			last, err := latestRevisionTx(tx, amends)
			if err != nil {
				return err
			}
			f.Draft.TemplateID, f.Draft.TemplateVersion, f.Draft.Values = last.TemplateID, last.TemplateVersion, last.Values
		default:
			t, err := s.templateTx(tx, "")
			if err != nil {
				return err
			}
			f.Draft.TemplateID, f.Draft.TemplateVersion = t.ID, t.Version
			if f.Draft.Values, err = prefill(tx, t, f.Visit); err != nil {
				return err
			}
		}
		f.Draft.VisitID, f.Draft.Amends = visitID, amends
		f.Template, err = s.templateTx(tx, f.Draft.TemplateID)
		return err
	})
	return f, err
}

// prefill starts a report from what the visit already knows.
func prefill(tx *sql.Tx, t domain.ReportTemplate, v domain.Visit) (map[string]any, error) {
	var parent, kind string
	if err := tx.QueryRow(`SELECT coalesce((SELECT p.name FROM units c JOIN units p ON p.id = c.parent_id WHERE c.id = ?), ''),
		coalesce((SELECT kind FROM schedules WHERE id = ?), '')`, v.CellID, v.ScheduleID).Scan(&parent, &kind); err != nil {
		return nil, err
	}
	facts := map[string]any{"cellName": v.CellName, "parentName": parent, "date": v.Date, "startTime": v.StartTime,
		"place": v.Place, "kind": domain.MeetingKind(kind).Label(), "officialName": v.OfficialName, "letterNumber": v.LetterNumber()}
	out := map[string]any{}
	for _, f := range t.Fields {
		if x, ok := facts[f.Prefill]; ok && x != "" {
			out[f.Key] = x
		}
	}
	if _, ok := t.Field("unannounced"); ok {
		out["unannounced"] = true
	}
	return out, nil
}

func errAlreadySubmitted() error {
	return domain.Errorf(domain.EInvalid, "", "Báo cáo của buổi dự sinh hoạt này đã nộp và không sửa được; hãy lập bản đính chính.",
		"The report of this visit was already submitted and cannot be changed; file an amendment.")
}
