package store

import (
	"context"
	"database/sql"
	"errors"
	"time"

	"chibo/backend/domain"
	"chibo/backend/hlc"
)

// loadDevice reads this database's device id, making one the first time, and restores the
// clock past the last timestamp this device issued or saw.
func (s *Store) loadDevice(ctx context.Context) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		err := tx.QueryRow(`SELECT value FROM meta WHERE key = 'device_id'`).Scan(&s.deviceID)
		if err == sql.ErrNoRows {
			s.deviceID = NewID()
			_, err = tx.Exec(`INSERT INTO meta(key, value) VALUES ('device_id', ?)`, s.deviceID)
		}
		if err != nil {
			return err
		}
		var last hlc.Timestamp
		var text string
		switch err := tx.QueryRow(`SELECT value FROM meta WHERE key = 'hlc_last'`).Scan(&text); err {
		case nil:
			if last, err = hlc.Parse(text); err != nil {
				return err
			}
		case sql.ErrNoRows:
		default:
			return err
		}
		s.clock = hlc.New(s.deviceID, s.now, last)
		return nil
	})
}

// SetClock replaces the wall clock the store stamps changes with; tests use it to make the
// clock jump.
func (s *Store) SetClock(now func() time.Time) {
	s.now = now
	s.clock = hlc.New(s.deviceID, now, s.clock.Last())
}

// nowUTC is the time a record says something happened: RFC 3339 in UTC, as stored.
func (s *Store) nowUTC() string { return s.now().UTC().Format(time.RFC3339) }

// nowNano is nowUTC to the nanosecond, for the change log's own times.
func (s *Store) nowNano() string { return s.now().UTC().Format(time.RFC3339Nano) }

// today and thisMonth are the day and month in Vietnam, as a user sees them.
func (s *Store) today() string     { return s.now().In(domain.Vietnam).Format("2006-01-02") }
func (s *Store) thisMonth() string { return s.now().In(domain.Vietnam).Format("2006-01") }

// SetUser sets the signed-in user whose writes the change log records from now on.
func (s *Store) SetUser(userID string) { s.userID = userID }

// SetNumbersPapers tells the store whether the signed-in account numbers its committee's
// papers (introduction letters): then the account decides, not the device setting.
func (s *Store) SetNumbersPapers(yes bool) { s.numbersPapers = &yes }

// SetCommittee sets the committee the signed-in user's role is held in ("" = the top).
func (s *Store) SetCommittee(committeeID string) { s.committeeID = committeeID }

// Meta reads a value of the meta table ("" when absent).
func (s *Store) Meta(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return v, err
}

// SetMeta writes a value of the meta table.
func (s *Store) SetMeta(ctx context.Context, key, value string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		_, err := tx.Exec(`INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
		return err
	})
}

// Setting reads one of this device's own settings (never synced); "" when unset.
func (s *Store) Setting(ctx context.Context, key string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = ?`, "setting/"+key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	return v, err
}

// SetSetting writes one of this device's own settings.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.write(ctx, func(tx *sql.Tx) error { return setMeta(tx, "setting/"+key, value) })
}
