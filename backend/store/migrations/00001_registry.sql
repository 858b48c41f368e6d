-- +goose Up
-- The local store of one desktop. Every synced table carries the same sync columns:
--   hlc        greatest hybrid-logical-clock timestamp of any field of the row
--   field_hlc  JSON object: field -> HLC of the write that last set it (per-field LWW)
--   extra      JSON object of fields from newer versions, kept and never erased
--   deleted    1 for a tombstone (permanent)
CREATE TABLE meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE areas (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL DEFAULT '',
    hlc       TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}',
    extra     TEXT NOT NULL DEFAULT '{}',
    deleted   INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE clusters (
    id        TEXT PRIMARY KEY,
    name      TEXT NOT NULL DEFAULT '',
    hlc       TEXT NOT NULL,
    field_hlc TEXT NOT NULL DEFAULT '{}',
    extra     TEXT NOT NULL DEFAULT '{}',
    deleted   INTEGER NOT NULL DEFAULT 0
);

-- References between synced records are not foreign keys: records arrive from the server in
-- any order, and a reference may point at a record outside this device's scope.
CREATE TABLE communes (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL DEFAULT '',
    kind       TEXT NOT NULL DEFAULT '',
    area_id    TEXT NOT NULL DEFAULT '',
    cluster_id TEXT NOT NULL DEFAULT '',
    status     TEXT NOT NULL DEFAULT 'active',
    hlc        TEXT NOT NULL,
    field_hlc  TEXT NOT NULL DEFAULT '{}',
    extra      TEXT NOT NULL DEFAULT '{}',
    deleted    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE units (
    id             TEXT PRIMARY KEY,
    parent_id      TEXT NOT NULL DEFAULT '',
    kind           TEXT NOT NULL DEFAULT '',
    name           TEXT NOT NULL DEFAULT '',
    commune_id     TEXT NOT NULL DEFAULT '',
    members        INTEGER NOT NULL DEFAULT 0,
    probationary   INTEGER NOT NULL DEFAULT 0,
    religious      INTEGER NOT NULL DEFAULT 0,
    status         TEXT NOT NULL DEFAULT 'active',
    merged_into_id TEXT NOT NULL DEFAULT '',
    closed_on      TEXT NOT NULL DEFAULT '',
    note           TEXT NOT NULL DEFAULT '',
    hlc            TEXT NOT NULL,
    field_hlc      TEXT NOT NULL DEFAULT '{}',
    extra          TEXT NOT NULL DEFAULT '{}',
    deleted        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX units_parent ON units(parent_id);
CREATE INDEX units_commune ON units(commune_id);

CREATE TABLE officials (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL DEFAULT '',
    title      TEXT NOT NULL DEFAULT '',
    role       TEXT NOT NULL DEFAULT '',
    area_id    TEXT NOT NULL DEFAULT '',
    commune_id TEXT NOT NULL DEFAULT '',
    active     INTEGER NOT NULL DEFAULT 1,
    hlc        TEXT NOT NULL,
    field_hlc  TEXT NOT NULL DEFAULT '{}',
    extra      TEXT NOT NULL DEFAULT '{}',
    deleted    INTEGER NOT NULL DEFAULT 0
);

-- The change log: one row per local change, written in the same transaction as the change.
-- seq numbers this device's changes; the server acknowledges by seq.
CREATE TABLE outbox (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id  TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL DEFAULT '',
    record_id  TEXT NOT NULL,
    op         TEXT NOT NULL CHECK (op IN ('upsert', 'delete')),
    fields     TEXT NOT NULL DEFAULT '{}',
    hlc        TEXT NOT NULL,
    user_id    TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'acked', 'refused')),
    reason     TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_record ON outbox(record_id, seq);
CREATE INDEX outbox_pending ON outbox(user_id, state, seq);

-- +goose Down
DROP TABLE outbox;
DROP TABLE officials;
DROP TABLE units;
DROP TABLE communes;
DROP TABLE clusters;
DROP TABLE areas;
DROP TABLE meta;
