-- +goose Up
-- Usernames are unique ignoring ASCII case only, as SQLite's COLLATE NOCASE column is:
-- lower() under the "C" collation leaves Đ and đ apart.
DROP INDEX users_username;
CREATE UNIQUE INDEX users_username ON users (lower(username COLLATE "C"));

-- +goose Down
DROP INDEX users_username;
CREATE UNIQUE INDEX users_username ON users (lower(username));
