package serverstore

import (
	"context"
	"crypto/rand"
	"database/sql"
	"encoding/hex"
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
	// The copy is made under a name of its own beside the target and linked into place once
	// complete and on disk: a crash leaves no half copy under the target's name, and a file
	// someone else creates there meanwhile is neither overwritten nor removed.
	part := fmt.Sprintf("%s.part-%d", to, os.Getpid())
	defer os.Remove(part)
	if err := vacuumInto(ctx, path, part); err != nil {
		return err
	}
	if err := stampCopy(ctx, part); err != nil {
		return fmt.Errorf("stamp the copy: %w", err)
	}
	if err := syncFile(part); err != nil {
		return err
	}
	if err := os.Link(part, to); err != nil {
		return fmt.Errorf("back up into %s: %w", to, err)
	}
	return syncFile(filepath.Dir(to))
}

func vacuumInto(ctx context.Context, path, to string) error {
	db, err := sql.Open("sqlite3", "file:"+filepath.ToSlash(path)+"?_busy_timeout=10000")
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, `VACUUM INTO ?`, to); err != nil {
		return fmt.Errorf("back up %s: %w", path, err)
	}
	return nil
}

// stampCopy gives a fresh copy a new epoch, in its own rollback journal (the copy is not in
// WAL mode and no one else has it open).
func stampCopy(ctx context.Context, path string) error {
	db, err := sql.Open("sqlite3", "file:"+filepath.ToSlash(path))
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.ExecContext(ctx, `UPDATE server_meta SET value = ? WHERE key = 'epoch'`, newEpoch())
	return err
}

func newEpoch() string {
	b := make([]byte, 8)
	rand.Read(b) // never fails (crypto/rand, Go 1.24)
	return hex.EncodeToString(b)
}

// NewEpoch gives the database a new epoch: every desktop's cursor resets at its next pull
// (it pushes what it has not sent, then pulls its scope again). Backup stamps its copies
// itself; run this after promoting a standby or restoring PostgreSQL (docs/deployment.md).
func (s *Store) NewEpoch(ctx context.Context) error {
	return s.write(ctx, func(tx *dbTx) error {
		_, err := tx.Exec(`UPDATE server_meta SET value = ? WHERE key = 'epoch'`, newEpoch())
		return err
	})
}

func syncFile(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}
