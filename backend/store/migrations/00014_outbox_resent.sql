-- +goose Up
-- A change queued again for a server restored from a backup (store.ResendAcknowledged):
-- its seq may be below what that server has since seen from this device, and it says so.
ALTER TABLE outbox ADD COLUMN resent INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE outbox DROP COLUMN resent;
