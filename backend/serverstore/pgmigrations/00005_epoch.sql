-- +goose Up
-- The epoch of the sequence, as in the SQLite file's migration 00006.
INSERT INTO server_meta(key, value) VALUES ('epoch', substr(md5(gen_random_uuid()::text), 1, 16));

-- +goose Down
DELETE FROM server_meta WHERE key = 'epoch';
