package store

import (
	"context"
	"database/sql"

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

// clearRefusedBefore drops the refused changes of a record older than a change of it the
// server has just accepted: the user edited and sent it again, and what stands now is
// the accepted version.
func clearRefusedBefore(tx *sql.Tx, seq int64) error {
	_, err := tx.Exec(`DELETE FROM outbox WHERE state = 'refused' AND seq < ?
		AND (kind, record_id) = (SELECT kind, record_id FROM outbox WHERE seq = ?)`, seq, seq)
	return err
}
