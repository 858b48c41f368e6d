package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"

	"chibo/backend/domain"
)

// DiscardRefused gives up this device's refused changes of one record (and a pulled
// version of it that could not be applied): they leave the list, and a full resync
// begins so that the record is what the server holds — its version replaces the local
// one, and a record the server never took (a refused creation) is swept from this
// device. Changes of the record still waiting to be sent are kept: they are the user's
// later work. One transaction: an interrupted discard leaves the list as it was.
func (s *Store) DiscardRefused(ctx context.Context, kind, recordID string) error {
	return s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.Exec(`DELETE FROM outbox WHERE kind = ? AND record_id = ? AND state = 'refused'`, kind, recordID)
		if err != nil {
			return err
		}
		n, _ := res.RowsAffected()
		q, err := tx.Exec(`DELETE FROM quarantine WHERE kind = ? AND id = ?`, kind, recordID)
		if err != nil {
			return err
		}
		m, _ := q.RowsAffected()
		if n+m == 0 {
			return domain.Errorf(domain.ENotFound, "recordId", "Không còn thay đổi bị từ chối nào của bản ghi này.", "No refused change of this record is left.")
		}
		return beginResyncTx(tx)
	})
}

// clearRefusedBefore drops the refused changes of a record that a change the server has
// just accepted makes moot: an edit of the same record, older, that wrote no field the
// accepted one does not write — the user edited those fields again and sent them. A
// refusal the accepted change does not cover (other fields, a refused delete, an
// accepted delete) stays for the user to see: nothing refused is dropped unseen.
func clearRefusedBefore(tx *sql.Tx, seq int64) error {
	var kind, id, op, fields string
	err := tx.QueryRow(`SELECT kind, record_id, op, fields FROM outbox WHERE seq = ?`, seq).Scan(&kind, &id, &op, &fields)
	if err != nil || op == OpDelete {
		return ignoreNoRows(err)
	}
	var accepted map[string]json.RawMessage
	if json.Unmarshal([]byte(fields), &accepted) != nil {
		return nil
	}
	rows, err := tx.Query(`SELECT seq, op, fields FROM outbox WHERE state = 'refused' AND kind = ? AND record_id = ? AND seq < ?`, kind, id, seq)
	if err != nil {
		return err
	}
	var moot []int64
	for rows.Next() {
		var s int64
		var rop, rf string
		if err := rows.Scan(&s, &rop, &rf); err != nil {
			rows.Close()
			return err
		}
		var refused map[string]json.RawMessage
		if rop == OpDelete || json.Unmarshal([]byte(rf), &refused) != nil {
			continue
		}
		covered := true
		for name := range refused {
			if _, ok := accepted[name]; !ok {
				covered = false
			}
		}
		if covered {
			moot = append(moot, s)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, s := range moot {
		if _, err := tx.Exec(`DELETE FROM outbox WHERE seq = ?`, s); err != nil {
			return err
		}
	}
	return nil
}

func ignoreNoRows(err error) error {
	if errors.Is(err, sql.ErrNoRows) {
		return nil
	}
	return err
}
