package domain

import (
	"strings"
	"testing"
)

func TestCleanIsFieldsJoined(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a", "a ", "a  b", "a b", "a\tb", "a\u00a0b", "Chi bộ Xóm 5", "\xff b", "a \u3000", "x\ny"} {
		if got, want := clean(s), strings.Join(strings.Fields(s), " "); got != want {
			t.Errorf("clean(%q) = %q, want %q", s, got, want)
		}
	}
}
