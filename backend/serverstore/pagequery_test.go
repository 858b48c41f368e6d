package serverstore

import (
	"path/filepath"
	"strings"
	"testing"

	"chibo/backend/access"
)

// On SQLite every branch of a page and of its count is read from a covering index: no
// branch scans the table or looks up rows to test the scope (on the national file that
// was a second reading of every row of a province's first sync, and 0.8 s of count).
func TestPageQueryReadsTheScopeFromIndexesAlone(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "data"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	scopes := []access.Scope{
		{Role: access.StandingCommittee, AreaID: "area-1"},
		{Role: access.StandingCommittee, CommitteeID: "committee-1", CommuneID: "commune-1"},
		{Role: access.CommuneOffice, CommitteeID: "committee-1", CommuneID: "commune-1"},
		{Role: access.OrgBoard, CommitteeID: "committee-1", CommuneID: "commune-1"},
	}
	for _, sc := range scopes {
		pq, pargs := pageQuery(st.d, sc, 0, 100, 10)
		cq, cargs := countQuery(st.d, sc, 0, 100)
		for _, q := range []struct {
			what string
			sql  string
			args []any
		}{{"page", pq, pargs}, {"count", cq, cargs}} {
			rows, err := st.r.QueryContext(ctx, "EXPLAIN QUERY PLAN "+q.sql, q.args...)
			if err != nil {
				t.Fatal(err)
			}
			var searches int
			for rows.Next() {
				var id, parent, notused int
				var detail string
				if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
					t.Fatal(err)
				}
				switch {
				case strings.HasPrefix(detail, "SCAN records"):
					t.Errorf("%s, %s: scans the table: %s", sc.Role, q.what, detail)
				case strings.Contains(detail, "(server_seq=?)"): // the page's rows, by sequence
				case strings.HasPrefix(detail, "SEARCH records"):
					searches++
					if !strings.Contains(detail, "COVERING INDEX") {
						t.Errorf("%s, %s: a branch looks up rows: %s", sc.Role, q.what, detail)
					}
				}
			}
			rows.Close()
			if searches == 0 {
				t.Errorf("%s, %s: no branch search in the plan", sc.Role, q.what)
			}
		}
	}
}
