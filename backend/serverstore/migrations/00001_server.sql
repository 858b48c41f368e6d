-- +goose Up
-- chibo-server's database. Records are stored generically: one row per (kind, id) with its
-- fields as JSON and one HLC per field, so that fields this server version does not know
-- are kept and sent on like any other.
CREATE TABLE server_meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
INSERT INTO server_meta(key, value) VALUES ('next_seq', '1'), ('tombstone_horizon', '0');

CREATE TABLE users (
    id            TEXT PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name  TEXT NOT NULL DEFAULT '',
    role          TEXT NOT NULL,
    area_id       TEXT NOT NULL DEFAULT '',
    commune_id    TEXT NOT NULL DEFAULT '',
    password_hash TEXT NOT NULL,
    disabled      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT NOT NULL,
    updated_at    TEXT NOT NULL
);

-- A device is one client database enrolled by one user. last_seq is the greatest change
-- seq applied for it, written in the same transaction as the changes' effects.
CREATE TABLE devices (
    id           TEXT PRIMARY KEY,
    user_id      TEXT NOT NULL REFERENCES users(id),
    name         TEXT NOT NULL DEFAULT '',
    token_hash   TEXT NOT NULL UNIQUE,
    last_seq     INTEGER NOT NULL DEFAULT 0,
    created_at   TEXT NOT NULL,
    last_seen_at TEXT NOT NULL DEFAULT '',
    revoked_at   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX devices_user ON devices(user_id);

-- The merged state of every record. server_seq is unique and increases with every write
-- of the row; the class columns (commune_id, area_id, audience, restricted) are what the
-- scope predicate reads.
CREATE TABLE records (
    kind        TEXT NOT NULL,
    id          TEXT NOT NULL,
    fields      TEXT NOT NULL DEFAULT '{}',
    field_hlc   TEXT NOT NULL DEFAULT '{}',
    hlc         TEXT NOT NULL,
    deleted     INTEGER NOT NULL DEFAULT 0,
    purged      INTEGER NOT NULL DEFAULT 0,
    server_seq  INTEGER NOT NULL UNIQUE,
    commune_id  TEXT NOT NULL DEFAULT '',
    area_id     TEXT NOT NULL DEFAULT '',
    audience    TEXT NOT NULL DEFAULT 'all',
    restricted  INTEGER NOT NULL DEFAULT 0,
    updated_at  TEXT NOT NULL,
    deleted_at  TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (kind, id)
) WITHOUT ROWID;
CREATE INDEX records_commune ON records(commune_id);
CREATE INDEX records_seq_class ON records(server_seq, commune_id, area_id, audience, restricted, purged);

-- One row each time a record's class changed: the class it had before, at the seq of the
-- write that changed it. A pull sends REMOVE for records that left the device's scope.
CREATE TABLE scope_exits (
    server_seq INTEGER NOT NULL,
    kind       TEXT NOT NULL,
    id         TEXT NOT NULL,
    commune_id TEXT NOT NULL,
    area_id    TEXT NOT NULL,
    audience   TEXT NOT NULL,
    restricted INTEGER NOT NULL
);
CREATE INDEX scope_exits_seq ON scope_exits(server_seq);

-- Every change ever pushed, with the answer given, so that a replay answers identically
-- and the same change id with other content is caught.
CREATE TABLE applied_changes (
    change_id  TEXT PRIMARY KEY,
    device_id  TEXT NOT NULL,
    seq        INTEGER NOT NULL,
    hash       TEXT NOT NULL,
    status     TEXT NOT NULL,
    code       TEXT NOT NULL DEFAULT '',
    reason     TEXT NOT NULL DEFAULT '',
    reason_en  TEXT NOT NULL DEFAULT '',
    hlc        TEXT NOT NULL DEFAULT '',
    clamped    INTEGER NOT NULL DEFAULT 0,
    applied_at TEXT NOT NULL,
    UNIQUE (device_id, seq)
);

-- The audit log: who changed what, from which device, when, and what the server said.
CREATE TABLE audit (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         TEXT NOT NULL,
    user_id    TEXT NOT NULL,
    device_id  TEXT NOT NULL,
    change_id  TEXT NOT NULL,
    kind       TEXT NOT NULL,
    record_id  TEXT NOT NULL,
    op         TEXT NOT NULL,
    status     TEXT NOT NULL,
    code       TEXT NOT NULL DEFAULT '',
    detail     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_record ON audit(kind, record_id);

-- +goose Down
DROP TABLE audit;
DROP TABLE applied_changes;
DROP TABLE scope_exits;
DROP TABLE records;
DROP TABLE devices;
DROP TABLE users;
DROP TABLE server_meta;
