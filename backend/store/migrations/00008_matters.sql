-- +goose Up
-- Matters followed to a result (issue 11). Columns as backend/kinds declares them.
CREATE TABLE year_themes (
    id           TEXT PRIMARY KEY,
    committee_id TEXT NOT NULL DEFAULT '',
    commune_id   TEXT NOT NULL DEFAULT '',
    year         INTEGER NOT NULL DEFAULT 0,
    theme        TEXT NOT NULL DEFAULT '',
    hlc          TEXT NOT NULL,
    field_hlc    TEXT NOT NULL DEFAULT '{}',
    extra        TEXT NOT NULL DEFAULT '{}',
    deleted      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE matters (
    id           TEXT PRIMARY KEY,
    source       TEXT NOT NULL DEFAULT '',
    unit_id      TEXT NOT NULL DEFAULT '',
    commune_id   TEXT NOT NULL DEFAULT '',
    year         INTEGER NOT NULL DEFAULT 0,
    title        TEXT NOT NULL DEFAULT '',
    expected     TEXT NOT NULL DEFAULT '',
    lead         TEXT NOT NULL DEFAULT '',
    deadline     TEXT NOT NULL DEFAULT '',
    milestones   TEXT NOT NULL DEFAULT '',
    topic        TEXT NOT NULL DEFAULT '',
    raised_by    TEXT NOT NULL DEFAULT '',
    forwarded_to TEXT NOT NULL DEFAULT '',
    dialogue_id  TEXT NOT NULL DEFAULT '',
    state        TEXT NOT NULL DEFAULT '',
    result       TEXT NOT NULL DEFAULT '',
    evidence     TEXT NOT NULL DEFAULT '',
    created_at   TEXT NOT NULL DEFAULT '',
    hlc          TEXT NOT NULL,
    field_hlc    TEXT NOT NULL DEFAULT '{}',
    extra        TEXT NOT NULL DEFAULT '{}',
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX matters_year ON matters(year, source);

CREATE TABLE matter_reviews (
    id         TEXT PRIMARY KEY,
    matter_id  TEXT NOT NULL DEFAULT '',
    unit_id    TEXT NOT NULL DEFAULT '',
    commune_id TEXT NOT NULL DEFAULT '',
    decision   TEXT NOT NULL DEFAULT '',
    comment    TEXT NOT NULL DEFAULT '',
    by_user    TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL DEFAULT '',
    hlc        TEXT NOT NULL,
    field_hlc  TEXT NOT NULL DEFAULT '{}',
    extra      TEXT NOT NULL DEFAULT '{}',
    deleted    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE matter_updates (
    id         TEXT PRIMARY KEY,
    matter_id  TEXT NOT NULL DEFAULT '',
    unit_id    TEXT NOT NULL DEFAULT '',
    commune_id TEXT NOT NULL DEFAULT '',
    date       TEXT NOT NULL DEFAULT '',
    state      TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    by_user    TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL DEFAULT '',
    hlc        TEXT NOT NULL,
    field_hlc  TEXT NOT NULL DEFAULT '{}',
    extra      TEXT NOT NULL DEFAULT '{}',
    deleted    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX matter_updates_matter ON matter_updates(matter_id);

CREATE TABLE dialogues (
    id           TEXT PRIMARY KEY,
    commune_id   TEXT NOT NULL DEFAULT '',
    kind         TEXT NOT NULL DEFAULT '',
    date         TEXT NOT NULL DEFAULT '',
    place        TEXT NOT NULL DEFAULT '',
    chair        TEXT NOT NULL DEFAULT '',
    participants TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    hlc          TEXT NOT NULL,
    field_hlc    TEXT NOT NULL DEFAULT '{}',
    extra        TEXT NOT NULL DEFAULT '{}',
    deleted      INTEGER NOT NULL DEFAULT 0
);

-- +goose Down
DROP TABLE dialogues;
DROP TABLE matter_updates;
DROP TABLE matter_reviews;
DROP TABLE matters;
DROP TABLE year_themes;
