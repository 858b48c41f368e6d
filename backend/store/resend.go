package store

import (
	"context"
	"database/sql"
)

// ResendAcknowledged puts the signed-in account's acknowledged changes back in the queue,
// when the server says it lost history (restored from a backup, or a standby that took
// over): what it acknowledged after its copy was made exists now only on the desktops that
// sent it. The server applies each change once: those it still holds are answered from
// their stored answers, and the lost ones take effect again, in their order. The resync
// begins in the same transaction: the cursor of the old history is gone with it, so a
// sync cut halfway through the resend carries on with what is still queued instead of
// being told again and queueing everything once more. It returns how many changes were
// queued again.
func (s *Store) ResendAcknowledged(ctx context.Context) (int, error) {
	var n int64
	err := s.write(ctx, func(tx *sql.Tx) error {
		res, err := tx.Exec(`UPDATE outbox SET state = 'pending', answered_at = '', resent = 1 WHERE state = 'acked' AND user_id = ?`, s.userID)
		if err != nil {
			return err
		}
		if n, err = res.RowsAffected(); err != nil {
			return err
		}
		if err := setMeta(tx, metaHistory, ""); err != nil { // the lost history's mark
			return err
		}
		return beginResyncTx(tx)
	})
	return int(n), err
}
