package access

import (
	"database/sql"
	"path/filepath"
	"testing"

	_ "github.com/mattn/go-sqlite3"
)

var evalDB *sql.DB

// evalPredicate runs pred against one row holding class c in a real SQLite database.
func evalPredicate(t *testing.T, pred string, args []any, c Class) bool {
	t.Helper()
	if evalDB == nil {
		db, err := sql.Open("sqlite3", filepath.Join(t.TempDir(), "eval.db"))
		if err != nil {
			t.Fatal(err)
		}
		db.SetMaxOpenConns(1)
		if _, err := db.Exec(`CREATE TABLE r (commune_id TEXT, area_id TEXT, audience TEXT, restricted INTEGER, planner TEXT)`); err != nil {
			t.Fatal(err)
		}
		evalDB = db
		t.Cleanup(func() { db.Close(); evalDB = nil })
	}
	evalDB.Exec(`DELETE FROM r`)
	evalDB.Exec(`INSERT INTO r VALUES (?, ?, ?, ?, ?)`, c.CommuneID, c.AreaID, c.Audience, c.Restricted, c.Planner)
	var n int
	if err := evalDB.QueryRow(`SELECT count(*) FROM r WHERE `+pred, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", pred, err)
	}
	return n == 1
}
