package kinds

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite docs/kinds.md")

// docs/kinds.md is the registry rendered: an outside client's author reads it instead of
// the code. It fails when stale; `go test ./backend/kinds -update` rewrites it.
func TestKindsDocIsCurrent(t *testing.T) {
	path := filepath.Join("..", "..", "docs", "kinds.md")
	want := Markdown()
	if *update {
		if err := os.WriteFile(path, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != want {
		t.Errorf("docs/kinds.md is stale: run go test ./backend/kinds -update")
	}
}

func TestFieldChecks(t *testing.T) {
	k, _ := Get(Unit)
	ok := Values{"kind": "grassroots_cell", "name": "Chi bộ 1", "members": int64(3), "status": "active"}
	if err := k.Validate(ok); err != nil {
		t.Fatalf("a valid cell: %v", err)
	}
	for name, v := range map[string]Values{
		"no name":            {"kind": "grassroots_cell"},
		"unknown kind":       {"kind": "x", "name": "A"},
		"members past limit": {"kind": "grassroots_cell", "name": "A", "members": int64(1_000_001)},
		"members as text":    {"kind": "grassroots_cell", "name": "A", "members": "3"},
		"bad parent id":      {"kind": "grassroots_cell", "name": "A", "parentId": "a b"},
		"probationary > all": {"kind": "grassroots_cell", "name": "A", "members": int64(1), "probationary": int64(2)},
		"NUL in the note":    {"kind": "grassroots_cell", "name": "A", "note": "a\x00"},
		"invalid UTF-8 name": {"kind": "grassroots_cell", "name": "A\xff"},
	} {
		if err := k.Validate(v); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	for _, k := range All() {
		for _, f := range k.Fields {
			if f.Type == Ref && f.Target != "" {
				if _, ok := Get(f.Target); !ok {
					t.Errorf("%s.%s refers to unknown kind %q", k.Name, f.Name, f.Target)
				}
			}
		}
		for _, l := range k.Links {
			if f, ok := k.Field(l.Field); !ok || f.Type != Ref {
				t.Errorf("%s: link %s is not a reference field", k.Name, l.Field)
			}
		}
	}
}
