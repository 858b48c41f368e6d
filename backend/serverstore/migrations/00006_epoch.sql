-- +goose Up
-- The epoch names this database's sequence of server_seq numbers; every cursor carries
-- it. A copy restored from a backup (Backup stamps the copy with a new one) or a standby
-- promoted after losing the last commits reuses numbers that desktops have already seen;
-- a new epoch makes their cursors reset instead of silently skipping what the numbers
-- now mean. See docs/sync-protocol.md, "Epoch".
INSERT INTO server_meta(key, value) VALUES ('epoch', lower(hex(randomblob(8))));

-- +goose Down
DELETE FROM server_meta WHERE key = 'epoch';
