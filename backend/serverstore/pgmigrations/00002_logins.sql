-- +goose Up
-- Failed logins, as in the SQLite file's migration 00004: shared by every server process.
CREATE TABLE login_failures (
    key TEXT COLLATE "C" NOT NULL,
    at  BIGINT NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at);
CREATE INDEX login_failures_at ON login_failures(at);

-- +goose Down
DROP TABLE login_failures;
