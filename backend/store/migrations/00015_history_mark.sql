-- +goose Up
-- The history mark (store.HistoryMark) of a desktop upgraded with a cursor: that cursor,
-- so that a resync begun after the upgrade still tells a restored server what it saw.
INSERT INTO meta(key, value) SELECT 'sync_history', value FROM meta WHERE key = 'sync_cursor' AND value != ''
    ON CONFLICT(key) DO NOTHING;

-- +goose Down
DELETE FROM meta WHERE key = 'sync_history';
