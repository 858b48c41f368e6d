// Package kinds is the registry of synced record kinds: each kind is declared once, with
// its fields (wire name, column, type, limits, required), its table, who reads and writes
// it, whether it is sealed or insert-only, the records it refers to and the domain rule it
// must pass. The desktop store, the server, access and docs/kinds.md are all driven by it,
// so a desktop and the server cannot disagree about what a valid record is.
//
// Adding a kind: one declaration in declare.go, its domain rule in domain, its screens.
package kinds

import (
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"chibo/backend/domain"
	"chibo/backend/syncproto"
)

// Type is a field's type on the wire and in its column.
type Type int

const (
	Text Type = iota // a JSON string, NFC, no NUL, at most Max characters
	Int              // a JSON integer between Min and Max
	Flag             // 0 or 1
	Ref              // the id of another record (Target), or ""
	Doc              // a JSON string holding a JSON document (an object or an array)
)

func (t Type) String() string {
	return [...]string{"text", "integer", "0 or 1", "record id", "JSON document in a string"}[t]
}

// Field is one field of a kind.
type Field struct {
	Name     string // on the wire and in the frontend (the domain type's JSON name)
	Column   string // in the kind's table
	Type     Type
	Required bool     // must be non-empty (text, ref, doc) on every stored state
	Max      int      // text: characters; int: greatest value
	Min      int      // int: least value
	Enum     []string // text: the allowed values ("" too unless Required)
	Target   string   // ref: the kind it names
	Note     string   // one line for docs/kinds.md
	// Numbering marks the number a committee gives a paper (a letter's year, sequence,
	// symbol and date): set only by the Standing Board of the committee that planned the
	// record, whose office numbers its papers (access.Scope.NumbersPapers).
	Numbering bool
}

// IsInt reports whether the field is stored as an integer.
func (f *Field) IsInt() bool { return f.Type == Int || f.Type == Flag }

// Commune relation a reference must keep (checked by the server, which holds every record).
const (
	SameCommune        = "same"          // the target belongs to the record's commune
	SameCommuneOrAbove = "same_or_above" // the target is in the record's commune or district-wide
)

// Link is a reference the server checks: the target record must exist (a tombstone
// counts: history may name a deleted record) and, when Commune is set, keep that relation.
type Link struct {
	Field   string
	Commune string
}

// Kind is one synced record kind.
type Kind struct {
	Name   string
	Table  string
	About  string // one line for docs/kinds.md
	Fields []Field

	// Access (docs/access.md). Public: a record of no commune is read by every role (else
	// by district roles only). Writers: roles besides the Standing Board and the
	// Organization Board (who write everything) that write the kind within their scope.
	// Sealed: restricted for good. InsertOnly: written once, corrections are new records.
	// FrozenStatus: once "status" has this value the record never changes again.
	Public       bool
	Writers      []string
	Sealed       bool
	InsertOnly   bool
	FrozenStatus string

	// Links are the references the server checks against the records it holds.
	Links []Link
	// Rule is the domain's rule for one record, on its merged values (nil: none beyond
	// the fields' own limits).
	Rule func(v Values) error

	byName map[string]*Field
}

// Field returns the field called name.
func (k *Kind) Field(name string) (*Field, bool) {
	f, ok := k.byName[name]
	return f, ok
}

// Values are a record's field values by wire name: string for text, ref and doc fields,
// int64 for int and flag fields, anything for fields the kind does not declare.
type Values map[string]any

// Str and Int read a value, "" or 0 when absent or of another type.
func (v Values) Str(name string) string { s, _ := v[name].(string); return s }
func (v Values) Int(name string) int64 {
	switch n := v[name].(type) {
	case int64:
		return n
	case int:
		return int64(n)
	}
	return 0
}

var (
	all    []*Kind
	byName = map[string]*Kind{}
)

func declare(k *Kind) *Kind {
	if _, dup := byName[k.Name]; dup {
		panic("kinds: " + k.Name + " declared twice")
	}
	k.byName = map[string]*Field{}
	for i := range k.Fields {
		f := &k.Fields[i]
		if f.Type == Text && f.Max == 0 && len(f.Enum) == 0 {
			panic("kinds: " + k.Name + "." + f.Name + " has no length limit")
		}
		k.byName[f.Name] = f
	}
	all = append(all, k)
	byName[k.Name] = k
	return k
}

// All returns every kind, in name order.
func All() []*Kind {
	out := append([]*Kind(nil), all...)
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// Get returns the kind called name.
func Get(name string) (*Kind, bool) {
	k, ok := byName[name]
	return k, ok
}

// Validate checks a record's values: every declared field has its type, is within its
// limits and is present when required, then the kind's domain rule holds. Errors are
// *domain.Error (EInvalid) naming the field, in Vietnamese and English.
func (k *Kind) Validate(v Values) error {
	for i := range k.Fields {
		if err := k.Fields[i].check(v[k.Fields[i].Name], v); err != nil {
			return err
		}
	}
	if k.Rule != nil {
		return k.Rule(v)
	}
	return nil
}

func invalid(f *Field, vi, en string, args ...any) error {
	e := domain.Errorf(domain.EInvalid, f.Name, vi, en, args...)
	return e
}

func (f *Field) check(x any, v Values) error {
	if f.IsInt() {
		n, ok := x.(int64)
		if !ok {
			if i, isInt := x.(int); isInt {
				n, ok = int64(i), true
			}
		}
		if x == nil {
			n, ok = 0, true
		}
		if !ok {
			return invalid(f, "Trường “%s” phải là số nguyên.", "Field “%s” must be an integer.", f.Name)
		}
		lo, hi := int64(f.Min), int64(f.Max)
		if f.Type == Flag {
			lo, hi = 0, 1
		}
		if n < lo || n > hi {
			return invalid(f, "Trường “%s” phải từ %d đến %d (nhận %d).", "Field “%s” must be between %d and %d (got %d).", f.Name, lo, hi, n)
		}
		return nil
	}
	s, ok := x.(string)
	if x == nil {
		s, ok = "", true
	}
	if !ok {
		return invalid(f, "Trường “%s” phải là chuỗi ký tự.", "Field “%s” must be a string.", f.Name)
	}
	if s == "" {
		if f.Required {
			return invalid(f, "Thiếu trường bắt buộc “%s”.", "The required field “%s” is missing.", f.Name)
		}
		return nil
	}
	if !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
		return invalid(f, "Trường “%s” chứa ký tự không hợp lệ.", "Field “%s” holds invalid characters.", f.Name)
	}
	switch f.Type {
	case Text:
		if len(f.Enum) > 0 && !slices.Contains(f.Enum, s) {
			return invalid(f, "Giá trị “%s” của trường “%s” không hợp lệ.", "Value “%s” of field “%s” is not allowed.", s, f.Name)
		}
		if f.Max > 0 && utf8.RuneCountInString(s) > f.Max {
			return invalid(f, "Trường “%s” dài quá %d ký tự.", "Field “%s” is longer than %d characters.", f.Name, f.Max)
		}
	case Ref:
		if !syncproto.ValidID(s) {
			return invalid(f, "Mã bản ghi trong trường “%s” không hợp lệ.", "Field “%s” holds an invalid record id.", f.Name)
		}
	case Doc:
		var doc any
		if err := json.Unmarshal([]byte(s), &doc); err != nil {
			return invalid(f, "Trường “%s” phải là một tài liệu JSON.", "Field “%s” must hold a JSON document.", f.Name)
		}
		switch doc.(type) {
		case map[string]any, []any, nil:
		default:
			return invalid(f, "Trường “%s” phải là một đối tượng hoặc danh sách JSON.", "Field “%s” must hold a JSON object or array.", f.Name)
		}
	}
	return nil
}

// Markdown renders the registry as docs/kinds.md.
func Markdown() string {
	var b strings.Builder
	b.WriteString("# Record kinds\n\n")
	b.WriteString("Generated from `backend/kinds` by `go test ./backend/kinds -update`; a test fails when this page\n")
	b.WriteString("is stale. Every record a desktop pushes or pulls is one of these kinds. Field values travel\n")
	b.WriteString("as JSON: text, record ids and documents as strings (NFC, valid UTF-8, no NUL), integers and\n")
	b.WriteString("0/1 flags as numbers. Any record may also carry `restricted` (0 or 1, docs/access.md).\n")
	b.WriteString("Fields not listed are kept as opaque JSON values (finite numbers only) and sent on.\n")
	b.WriteString("The server refuses a change (`invalid`) whose record, with the change applied, breaks a\n")
	b.WriteString("rule below; the desktop checks the same rules before it writes.\n\n")
	b.WriteString("Writers: the Standing Board (`standing_board`) and the Organization Board (`org_board`)\n")
	b.WriteString("write every kind; the roles listed write it within their own scope (docs/access.md).\n")
	for _, k := range All() {
		fmt.Fprintf(&b, "\n## `%s`\n\n%s\n\n", k.Name, k.About)
		var traits []string
		readers := "district roles; commune offices for their own commune's records"
		if k.Public {
			readers = "every role (records of no commune); commune offices also their own commune's"
		}
		if k.Sealed {
			readers = "district roles only (sealed: always restricted)"
		}
		traits = append(traits, "read by "+readers)
		w := "the boards"
		if len(k.Writers) > 0 {
			w += ", " + "`" + strings.Join(k.Writers, "`, `") + "`"
		}
		traits = append(traits, "written by "+w)
		if k.InsertOnly {
			traits = append(traits, "insert-only (a changed resend is refused `conflict`; corrections are new records)")
		}
		if k.FrozenStatus != "" {
			traits = append(traits, fmt.Sprintf("frozen once `status` is `%s`", k.FrozenStatus))
		}
		for _, l := range k.Links {
			f := k.byName[l.Field]
			s := fmt.Sprintf("`%s` must name an existing `%s`", l.Field, f.Target)
			switch l.Commune {
			case SameCommune:
				s += " of the same commune"
			case SameCommuneOrAbove:
				s += " of the same commune or district-wide"
			}
			traits = append(traits, s)
		}
		fmt.Fprintf(&b, "- %s.\n\n", strings.Join(traits, ";\n- "))
		b.WriteString("| field | type | limits | |\n|---|---|---|---|\n")
		for _, f := range k.Fields {
			var lim []string
			if f.Required {
				lim = append(lim, "required")
			}
			switch {
			case f.Type == Int:
				lim = append(lim, fmt.Sprintf("%d–%d", f.Min, f.Max))
			case len(f.Enum) > 0:
				lim = append(lim, "one of `"+strings.Join(f.Enum, "`, `")+"`")
			case f.Type == Text:
				lim = append(lim, fmt.Sprintf("≤ %d characters", f.Max))
			case f.Type == Ref:
				lim = append(lim, "id of a `"+f.Target+"`")
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s |\n", f.Name, f.Type, strings.Join(lim, "; "), f.Note)
		}
	}
	return b.String()
}
