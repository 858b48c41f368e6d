-- +goose Up
-- The field workflow: meeting schedules, planned visits, visit reports, what a commune is
-- released of a visit, report templates, and report drafts. Every synced table carries the
-- sync columns of 00001 and two scope columns the server classifies by (docs/access.md,
-- "Visits"): commune_id, and restricted (1 = district roles only).

CREATE TABLE schedules (
    id                    TEXT PRIMARY KEY,
    cell_id               TEXT NOT NULL DEFAULT '',
    commune_id            TEXT NOT NULL DEFAULT '',
    month                 TEXT NOT NULL DEFAULT '',   -- yyyy-mm
    date                  TEXT NOT NULL DEFAULT '',   -- yyyy-mm-dd
    start_time            TEXT NOT NULL DEFAULT '',   -- HH:MM
    place                 TEXT NOT NULL DEFAULT '',
    kind                  TEXT NOT NULL DEFAULT 'regular',
    status                TEXT NOT NULL DEFAULT 'draft',
    changed_after_publish INTEGER NOT NULL DEFAULT 0,
    note                  TEXT NOT NULL DEFAULT '',
    restricted            INTEGER NOT NULL DEFAULT 0,
    hlc                   TEXT NOT NULL,
    field_hlc             TEXT NOT NULL DEFAULT '{}',
    extra                 TEXT NOT NULL DEFAULT '{}',
    deleted               INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX schedules_commune_month ON schedules(commune_id, month);
CREATE INDEX schedules_cell_month ON schedules(cell_id, month);
CREATE INDEX schedules_month_date ON schedules(month, date);

-- A planned visit is restricted for good: the plan never reaches a commune office.
CREATE TABLE visits (
    id            TEXT PRIMARY KEY,
    schedule_id   TEXT NOT NULL DEFAULT '',
    cell_id       TEXT NOT NULL DEFAULT '',
    commune_id    TEXT NOT NULL DEFAULT '',
    official_id   TEXT NOT NULL DEFAULT '',
    date          TEXT NOT NULL DEFAULT '',
    status        TEXT NOT NULL DEFAULT 'planned',
    note          TEXT NOT NULL DEFAULT '',
    letter_year   INTEGER NOT NULL DEFAULT 0,
    letter_seq    INTEGER NOT NULL DEFAULT 0,
    letter_symbol TEXT NOT NULL DEFAULT '',
    letter_date   TEXT NOT NULL DEFAULT '',
    restricted    INTEGER NOT NULL DEFAULT 1,
    hlc           TEXT NOT NULL,
    field_hlc     TEXT NOT NULL DEFAULT '{}',
    extra         TEXT NOT NULL DEFAULT '{}',
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX visits_schedule ON visits(schedule_id);
CREATE INDEX visits_date ON visits(date);
CREATE INDEX visits_letter ON visits(letter_year, letter_seq);

-- Submitted reports and their amendments: insert-only, restricted for good.
CREATE TABLE visit_reports (
    id               TEXT PRIMARY KEY,
    visit_id         TEXT NOT NULL DEFAULT '',
    template_id      TEXT NOT NULL DEFAULT '',
    template_version INTEGER NOT NULL DEFAULT 0,
    cell_id          TEXT NOT NULL DEFAULT '',
    commune_id       TEXT NOT NULL DEFAULT '',
    official_id      TEXT NOT NULL DEFAULT '',
    values_json      TEXT NOT NULL DEFAULT '{}',
    submitted_at     TEXT NOT NULL DEFAULT '',
    amends           TEXT NOT NULL DEFAULT '',
    revision         INTEGER NOT NULL DEFAULT 0,
    reason           TEXT NOT NULL DEFAULT '',
    restricted       INTEGER NOT NULL DEFAULT 1,
    hlc              TEXT NOT NULL,
    field_hlc        TEXT NOT NULL DEFAULT '{}',
    extra            TEXT NOT NULL DEFAULT '{}',
    deleted          INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX visit_reports_visit ON visit_reports(visit_id, revision);

-- The released part of a visit, which the visited commune's office receives.
CREATE TABLE visit_releases (
    id            TEXT PRIMARY KEY,
    report_id     TEXT NOT NULL DEFAULT '',
    cell_id       TEXT NOT NULL DEFAULT '',
    commune_id    TEXT NOT NULL DEFAULT '',
    date          TEXT NOT NULL DEFAULT '',
    official_name TEXT NOT NULL DEFAULT '',
    feedback      TEXT NOT NULL DEFAULT '',
    assessment    TEXT NOT NULL DEFAULT '',
    restricted    INTEGER NOT NULL DEFAULT 0,
    hlc           TEXT NOT NULL,
    field_hlc     TEXT NOT NULL DEFAULT '{}',
    extra         TEXT NOT NULL DEFAULT '{}',
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX visit_releases_report ON visit_releases(report_id);
CREATE INDEX visit_releases_commune ON visit_releases(commune_id, date);

-- One row per template version; a new version is a new row, old ones stay.
CREATE TABLE report_templates (
    id          TEXT PRIMARY KEY,
    name        TEXT NOT NULL DEFAULT '',
    version     INTEGER NOT NULL DEFAULT 1,
    fields_json TEXT NOT NULL DEFAULT '[]',
    checks_json TEXT NOT NULL DEFAULT '[]',
    created_at  TEXT NOT NULL DEFAULT '',
    restricted  INTEGER NOT NULL DEFAULT 0,
    hlc         TEXT NOT NULL,
    field_hlc   TEXT NOT NULL DEFAULT '{}',
    extra       TEXT NOT NULL DEFAULT '{}',
    deleted     INTEGER NOT NULL DEFAULT 0
);

-- Local only, never synced: the report being typed, saved on every change.
CREATE TABLE report_drafts (
    visit_id         TEXT NOT NULL,
    amends           TEXT NOT NULL DEFAULT '',
    template_id      TEXT NOT NULL,
    template_version INTEGER NOT NULL,
    values_json      TEXT NOT NULL DEFAULT '{}',
    updated_at       TEXT NOT NULL,
    PRIMARY KEY (visit_id, amends)
);

-- +goose Down
DROP TABLE report_drafts;
DROP TABLE report_templates;
DROP TABLE visit_releases;
DROP TABLE visit_reports;
DROP TABLE visits;
DROP TABLE schedules;
