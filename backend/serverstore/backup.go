package serverstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the SQLite file in dir to the file to, while a server
// may be serving it: VACUUM INTO reads one snapshot of the database on a connection of its
// own, so pushes go on meanwhile and the copy holds every push committed before it began,
// none after. The copy is a server database: `serve --data` on a folder holding it (as
// chibo-server.db) serves it. PostgreSQL is backed up with its own tools (docs/deployment.md).
func Backup(ctx context.Context, dir, to string) error {
	path := filepath.Join(dir, FileName)
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("no server database in %s: %w", dir, err)
	}
	if _, err := os.Stat(to); err == nil {
		return fmt.Errorf("%s exists: back up into a new file", to)
	} else if !errors.Is(err, os.ErrNotExist) {
		return err
	}
	db, err := sql.Open("sqlite3", "file:"+filepath.ToSlash(path)+"?_busy_timeout=10000")
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, to); err != nil {
		os.Remove(to)
		return fmt.Errorf("back up %s: %w", path, err)
	}
	return nil
}
