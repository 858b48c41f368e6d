-- +goose Up
-- The round's results (issue 10): the conference, the conclusion notice and every
-- shortcoming followed to its remedy. Columns as backend/kinds declares them.
CREATE TABLE conferences (
    id           TEXT PRIMARY KEY,
    committee_id TEXT NOT NULL DEFAULT '',
    commune_id   TEXT NOT NULL DEFAULT '',
    month        TEXT NOT NULL DEFAULT '',
    date         TEXT NOT NULL DEFAULT '',
    place        TEXT NOT NULL DEFAULT '',
    chair        TEXT NOT NULL DEFAULT '',
    present      TEXT NOT NULL DEFAULT '',
    remarks      TEXT NOT NULL DEFAULT '',
    note         TEXT NOT NULL DEFAULT '',
    restricted   INTEGER NOT NULL DEFAULT 0,
    hlc          TEXT NOT NULL,
    field_hlc    TEXT NOT NULL DEFAULT '{}',
    extra        TEXT NOT NULL DEFAULT '{}',
    deleted      INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE notices (
    id           TEXT PRIMARY KEY,
    committee_id TEXT NOT NULL DEFAULT '',
    commune_id   TEXT NOT NULL DEFAULT '',
    month        TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT '',
    number       INTEGER NOT NULL DEFAULT 0,
    term_start   INTEGER NOT NULL DEFAULT 0,
    symbol       TEXT NOT NULL DEFAULT '',
    date         TEXT NOT NULL DEFAULT '',
    assessment   TEXT NOT NULL DEFAULT '',
    did_well     TEXT NOT NULL DEFAULT '',
    shortcomings TEXT NOT NULL DEFAULT '',
    directions   TEXT NOT NULL DEFAULT '',
    recipients   TEXT NOT NULL DEFAULT '',
    replaces     TEXT NOT NULL DEFAULT '',
    issued_at    TEXT NOT NULL DEFAULT '',
    issued_by    TEXT NOT NULL DEFAULT '',
    restricted   INTEGER NOT NULL DEFAULT 0,
    hlc          TEXT NOT NULL,
    field_hlc    TEXT NOT NULL DEFAULT '{}',
    extra        TEXT NOT NULL DEFAULT '{}',
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX notices_month ON notices(month);

CREATE TABLE remediations (
    id           TEXT PRIMARY KEY,
    notice_id    TEXT NOT NULL DEFAULT '',
    unit_id      TEXT NOT NULL DEFAULT '',
    commune_id   TEXT NOT NULL DEFAULT '',
    committee_id TEXT NOT NULL DEFAULT '',
    shortcoming  TEXT NOT NULL DEFAULT '',
    fix          TEXT NOT NULL DEFAULT '',
    due          TEXT NOT NULL DEFAULT '',
    hlc          TEXT NOT NULL,
    field_hlc    TEXT NOT NULL DEFAULT '{}',
    extra        TEXT NOT NULL DEFAULT '{}',
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX remediations_unit ON remediations(unit_id);

CREATE TABLE remediation_reports (
    id         TEXT PRIMARY KEY,
    item_id    TEXT NOT NULL DEFAULT '',
    unit_id    TEXT NOT NULL DEFAULT '',
    commune_id TEXT NOT NULL DEFAULT '',
    date       TEXT NOT NULL DEFAULT '',
    actions    TEXT NOT NULL DEFAULT '',
    evidence   TEXT NOT NULL DEFAULT '',
    by_user    TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL DEFAULT '',
    hlc        TEXT NOT NULL,
    field_hlc  TEXT NOT NULL DEFAULT '{}',
    extra      TEXT NOT NULL DEFAULT '{}',
    deleted    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX remediation_reports_item ON remediation_reports(item_id);

CREATE TABLE remediation_checks (
    id         TEXT PRIMARY KEY,
    item_id    TEXT NOT NULL DEFAULT '',
    unit_id    TEXT NOT NULL DEFAULT '',
    commune_id TEXT NOT NULL DEFAULT '',
    verdict    TEXT NOT NULL DEFAULT '',
    comment    TEXT NOT NULL DEFAULT '',
    by_user    TEXT NOT NULL DEFAULT '',
    at         TEXT NOT NULL DEFAULT '',
    hlc        TEXT NOT NULL,
    field_hlc  TEXT NOT NULL DEFAULT '{}',
    extra      TEXT NOT NULL DEFAULT '{}',
    deleted    INTEGER NOT NULL DEFAULT 0
);

-- +goose Down
DROP TABLE remediation_checks;
DROP TABLE remediation_reports;
DROP TABLE remediations;
DROP TABLE notices;
DROP TABLE conferences;
