-- +goose Up
-- Failed logins, per limiter key ("user:<name>", "ip:<address>"), in unix milliseconds:
-- kept in the database so that every server process on it counts the same allowance.
CREATE TABLE login_failures (
    key TEXT NOT NULL,
    at  INTEGER NOT NULL
);
CREATE INDEX login_failures_key ON login_failures(key, at);
CREATE INDEX login_failures_at ON login_failures(at);

-- +goose Down
DROP TABLE login_failures;
