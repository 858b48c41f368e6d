package domain

import (
	"encoding/json"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// FieldType is the kind of input a report field takes.
type FieldType string

const (
	FieldSection   FieldType = "section"   // a heading; holds no value
	FieldText      FieldType = "text"      // one line
	FieldTextarea  FieldType = "textarea"  // several lines
	FieldNumber    FieldType = "number"    // a whole number ≥ 0
	FieldDate      FieldType = "date"      // yyyy-mm-dd
	FieldTime      FieldType = "time"      // HH:MM
	FieldYesNo     FieldType = "yesno"     // true / false
	FieldChoice    FieldType = "choice"    // one of Options
	FieldChecklist FieldType = "checklist" // any of Options, as a list of the checked ones
)

// Release says which part of a submitted report a field's value goes to in the visited
// commune's view: the feedback given on the spot goes at once, the assessment when the
// district releases it, every other field never.
const (
	ReleaseFeedback   = "feedback"
	ReleaseAssessment = "assessment"
)

// TemplateField is one field of a report template. Key is what a report's values are
// stored under: renaming a field changes its Label and keeps its Key, so old reports
// still read.
type TemplateField struct {
	Key      string    `json:"key"`
	Label    string    `json:"label"`
	Type     FieldType `json:"type"`
	Required bool      `json:"required,omitempty"`
	Options  []string  `json:"options,omitempty"`
	Release  string    `json:"release,omitempty"` // "", feedback, assessment
	Prefill  string    `json:"prefill,omitempty"` // a visit fact to start from: cellName, parentName, date, startTime, place, kind, officialName, letterNumber
	Help     string    `json:"help,omitempty"`
}

// TemplateCheck is a consistency rule over number fields: the sum of Sum equals Equals.
type TemplateCheck struct {
	Sum    []string `json:"sum"`
	Equals string   `json:"equals"`
}

// ReportTemplate is one version of a visit-report template (mẫu báo cáo kết quả dự sinh
// hoạt chi bộ). Templates are data: a district adds or renames fields by saving a new
// version; a report keeps the version it was written on.
type ReportTemplate struct {
	ID        string          `json:"id"`
	Name      string          `json:"name"`
	Version   int             `json:"version"`
	Fields    []TemplateField `json:"fields"`
	Checks    []TemplateCheck `json:"checks"`
	CreatedAt string          `json:"createdAt"`
}

// Field returns the field with key.
func (t *ReportTemplate) Field(key string) (TemplateField, bool) {
	for _, f := range t.Fields {
		if f.Key == key {
			return f, true
		}
	}
	return TemplateField{}, false
}

var keyPattern = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9_]{0,63}$`)

// Validate checks a template: a name, fields with unique well-formed keys, labels, known
// types, options where a choice needs them, and checks over number fields only.
func (t *ReportTemplate) Validate() error {
	if clean(t.Name) == "" {
		return Errorf(EInvalid, "name", "Tên mẫu báo cáo không được để trống.", "The template name must not be empty.")
	}
	if t.Version < 1 {
		return Errorf(EInvalid, "version", "Phiên bản mẫu phải từ 1 trở lên.", "The template version must be at least 1.")
	}
	if len(t.Fields) == 0 {
		return Errorf(EInvalid, "fields", "Mẫu báo cáo phải có ít nhất một mục.", "A template needs at least one field.")
	}
	seen := map[string]bool{}
	for i, f := range t.Fields {
		if !keyPattern.MatchString(f.Key) {
			return Errorf(EInvalid, "fields", "Mã mục thứ %d “%s” không hợp lệ (chữ cái không dấu, chữ số, gạch dưới).",
				"Field %d key “%s” is invalid (ASCII letters, digits, underscore).", i+1, f.Key)
		}
		if seen[f.Key] {
			return Errorf(EInvalid, "fields", "Mã mục “%s” bị trùng.", "Duplicate field key “%s”.", f.Key)
		}
		seen[f.Key] = true
		if clean(f.Label) == "" {
			return Errorf(EInvalid, "fields", "Mục thứ %d chưa có tên.", "Field %d has no label.", i+1)
		}
		switch f.Type {
		case FieldSection, FieldText, FieldTextarea, FieldNumber, FieldDate, FieldTime, FieldYesNo:
		case FieldChoice, FieldChecklist:
			if len(f.Options) == 0 {
				return Errorf(EInvalid, "fields", "Mục “%s” cần danh sách lựa chọn.", "Field “%s” needs options.", f.Label)
			}
		default:
			return Errorf(EInvalid, "fields", "Mục “%s” có kiểu “%s” không hợp lệ.", "Field “%s” has unknown type “%s”.", f.Label, f.Type)
		}
		if f.Release != "" && f.Release != ReleaseFeedback && f.Release != ReleaseAssessment {
			return Errorf(EInvalid, "fields", "Mục “%s”: phần công bố không hợp lệ.", "Field “%s”: unknown release part.", f.Label)
		}
	}
	for _, c := range t.Checks {
		for _, k := range append(append([]string{}, c.Sum...), c.Equals) {
			f, ok := t.Field(k)
			if !ok || f.Type != FieldNumber {
				return Errorf(EInvalid, "checks", "Quy tắc kiểm tra dùng mục “%s” không phải là số.", "A check uses “%s”, which is not a number field.", k)
			}
		}
	}
	return nil
}

// ParseTemplateFields decodes the stored JSON of a template's fields and checks.
func ParseTemplateFields(fieldsJSON, checksJSON string) ([]TemplateField, []TemplateCheck, error) {
	var fs []TemplateField
	var cs []TemplateCheck
	if err := json.Unmarshal([]byte(fieldsJSON), &fs); err != nil {
		return nil, nil, err
	}
	if checksJSON != "" {
		if err := json.Unmarshal([]byte(checksJSON), &cs); err != nil {
			return nil, nil, err
		}
	}
	return fs, cs, nil
}

// NumberValue reads a whole number from a form value (a JSON number or a numeric string).
func NumberValue(v any) (int, bool) {
	switch x := v.(type) {
	case float64:
		if x != math.Trunc(x) {
			return 0, false
		}
		return int(x), true
	case int:
		return x, true
	case int64:
		return int(x), true
	case json.Number:
		n, err := x.Int64()
		return int(n), err == nil
	case string:
		n, err := strconv.Atoi(strings.TrimSpace(x))
		return n, err == nil
	}
	return 0, false
}

// isEmpty reports whether a form value counts as not filled in.
func isEmpty(v any) bool {
	switch x := v.(type) {
	case nil:
		return true
	case string:
		return strings.TrimSpace(x) == ""
	case []any:
		return len(x) == 0
	case []string:
		return len(x) == 0
	}
	return false
}

// ValidateReport checks a report's values against its template before it is submitted:
// every required field is filled, values have their field's type, and every check holds
// (present + absent + exempted = total in the default template). Drafts are never
// validated, so autosave always succeeds.
func ValidateReport(t *ReportTemplate, values map[string]any) error {
	for _, f := range t.Fields {
		if f.Type == FieldSection {
			continue
		}
		v, ok := values[f.Key]
		if !ok || isEmpty(v) {
			if f.Required && f.Type != FieldYesNo && f.Type != FieldChecklist {
				return Errorf(EInvalid, f.Key, "Chưa điền mục bắt buộc “%s”.", "The required field “%s” is empty.", f.Label)
			}
			if f.Required && f.Type == FieldYesNo && !ok {
				return Errorf(EInvalid, f.Key, "Chưa chọn mục bắt buộc “%s”.", "The required field “%s” is not set.", f.Label)
			}
			continue
		}
		if err := checkValue(f, v); err != nil {
			return err
		}
	}
	for _, c := range t.Checks {
		sum, labels := 0, make([]string, 0, len(c.Sum))
		for _, k := range c.Sum {
			n, _ := NumberValue(values[k])
			sum += n
			f, _ := t.Field(k)
			labels = append(labels, f.Label)
		}
		want, _ := NumberValue(values[c.Equals])
		if sum != want {
			f, _ := t.Field(c.Equals)
			return Errorf(EInvalid, c.Equals, "Số liệu không khớp: %s = %d, nhưng %s = %d.",
				"Numbers do not add up: %s = %d, but %s = %d.", strings.Join(labels, " + "), sum, f.Label, want)
		}
	}
	return nil
}

func checkValue(f TemplateField, v any) error {
	bad := func() error {
		return Errorf(EInvalid, f.Key, "Giá trị của mục “%s” không hợp lệ.", "The value of “%s” is invalid.", f.Label)
	}
	switch f.Type {
	case FieldNumber:
		n, ok := NumberValue(v)
		if !ok {
			return Errorf(EInvalid, f.Key, "Mục “%s” phải là số nguyên.", "“%s” must be a whole number.", f.Label)
		}
		if n < 0 {
			return Errorf(EInvalid, f.Key, "Mục “%s” không được là số âm.", "“%s” must not be negative.", f.Label)
		}
	case FieldDate:
		s, _ := v.(string)
		if _, err := time.Parse("2006-01-02", s); err != nil {
			return bad()
		}
	case FieldTime:
		s, _ := v.(string)
		if _, err := time.Parse("15:04", s); err != nil {
			return bad()
		}
	case FieldYesNo:
		if _, ok := v.(bool); !ok {
			return bad()
		}
	case FieldChoice:
		s, _ := v.(string)
		if !contains(f.Options, s) {
			return Errorf(EInvalid, f.Key, "Mục “%s”: “%s” không có trong danh sách lựa chọn.", "“%s”: “%s” is not one of the options.", f.Label, s)
		}
	case FieldChecklist:
		for _, x := range asStrings(v) {
			if !contains(f.Options, x) {
				return bad()
			}
		}
	}
	return nil
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// asStrings reads a checklist value.
func asStrings(v any) []string {
	switch x := v.(type) {
	case []string:
		return x
	case []any:
		out := make([]string, 0, len(x))
		for _, e := range x {
			if s, ok := e.(string); ok {
				out = append(out, s)
			}
		}
		return out
	}
	return nil
}

// DisplayValue writes a form value as text for documents and side-by-side reading.
func DisplayValue(f TemplateField, v any) string {
	switch f.Type {
	case FieldYesNo:
		if b, ok := v.(bool); ok {
			if b {
				return "Có"
			}
			return "Không"
		}
		return ""
	case FieldDate:
		s, _ := v.(string)
		return FormatDateVN(s)
	case FieldNumber:
		if n, ok := NumberValue(v); ok {
			return strconv.Itoa(n)
		}
		return ""
	case FieldChecklist:
		return strings.Join(asStrings(v), "; ")
	}
	if s, ok := v.(string); ok {
		return s
	}
	if v == nil {
		return ""
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// Released returns the text of a report's fields marked for one release part, each as
// "Label: value" on its own line (the value alone when it is the only such field).
func Released(t *ReportTemplate, values map[string]any, part string) string {
	var fs []TemplateField
	for _, f := range t.Fields {
		if f.Release == part && f.Type != FieldSection {
			fs = append(fs, f)
		}
	}
	var lines []string
	for _, f := range fs {
		s := strings.TrimSpace(DisplayValue(f, values[f.Key]))
		if s == "" {
			continue
		}
		if len(fs) == 1 {
			return s
		}
		lines = append(lines, f.Label+": "+s)
	}
	return strings.Join(lines, "\n")
}

// Report is one submitted visit report, or an amendment of one. Reports are insert-only:
// a submitted report never changes; a correction is a new Report whose Amends names the
// original and whose Revision counts up from 1, so the history is the chain itself.
type Report struct {
	ID              string         `json:"id"`
	VisitID         string         `json:"visitId"`
	TemplateID      string         `json:"templateId"`
	TemplateVersion int            `json:"templateVersion"`
	CellID          string         `json:"cellId"`
	CommuneID       string         `json:"communeId"`
	OfficialID      string         `json:"officialId"`
	CommitteeID     string         `json:"committeeId"` // the visit's planning committee
	Values          map[string]any `json:"values"`
	SubmittedAt     string         `json:"submittedAt"` // RFC 3339, UTC
	Amends          string         `json:"amends"`      // "" for the original report
	Revision        int            `json:"revision"`    // 0 original, 1.. amendments
	Reason          string         `json:"reason"`      // why it was amended
	SyncState       SyncState      `json:"syncState"`
}

// ReportDraft is the report being written: saved locally on every change, never synced,
// never validated, replaced by a Report on submit.
type ReportDraft struct {
	VisitID         string         `json:"visitId"`
	Amends          string         `json:"amends"` // the report being corrected, "" for a first report
	TemplateID      string         `json:"templateId"`
	TemplateVersion int            `json:"templateVersion"`
	Values          map[string]any `json:"values"`
	UpdatedAt       string         `json:"updatedAt"`
}

// OverviewRow counts one commune's or one official's round.
type OverviewRow struct {
	ID        string `json:"id"`
	Name      string `json:"name"`
	Cells     int    `json:"cells"`     // communes only: active cells
	Scheduled int    `json:"scheduled"` // communes only: schedules registered, not cancelled
	Planned   int    `json:"planned"`   // visits not cancelled
	Attended  int    `json:"attended"`  // attended or reported
	Reported  int    `json:"reported"`
}

// ReportSummary is one submitted report (newest revision) for reading side by side.
type ReportSummary struct {
	Report       Report `json:"report"`
	Date         string `json:"date"`
	CellName     string `json:"cellName"`
	CommuneID    string `json:"communeId"`
	CommuneName  string `json:"communeName"`
	OfficialName string `json:"officialName"`
}

// RoundOverview is the Standing Office's view of one month's round (Tổng hợp đợt).
type RoundOverview struct {
	Month     string          `json:"month"`
	Communes  []OverviewRow   `json:"communes"`
	Officials []OverviewRow   `json:"officials"`
	Total     OverviewRow     `json:"total"`
	Reports   []ReportSummary `json:"reports"`
}
