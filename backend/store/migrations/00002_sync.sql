-- +goose Up
-- Sync state of the desktop. A refused change keeps the server's code and its reason in
-- both languages. resync_seen lists the records a full resync (after a reset) has received,
-- so that at its end the records the server no longer sends can be removed, except those
-- with unsynced local changes.
ALTER TABLE outbox ADD COLUMN code TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN reason_en TEXT NOT NULL DEFAULT '';
ALTER TABLE outbox ADD COLUMN answered_at TEXT NOT NULL DEFAULT '';
CREATE INDEX outbox_state ON outbox(state, seq);

CREATE TABLE resync_seen (
    kind TEXT NOT NULL,
    id   TEXT NOT NULL,
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;

-- +goose Down
DROP TABLE resync_seen;
DROP INDEX outbox_state;
ALTER TABLE outbox DROP COLUMN answered_at;
ALTER TABLE outbox DROP COLUMN reason_en;
ALTER TABLE outbox DROP COLUMN code;
