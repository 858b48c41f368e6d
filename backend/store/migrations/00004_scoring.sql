-- +goose Up
-- Monthly scoring and year-end classification. Synced tables with the sync columns of
-- 00001. A score sheet is two records so that per-field last-writer-wins can never let one
-- role overwrite the other's half: score_sheets (the commune's self-assessment) and
-- score_reviews (the Organization Board's verification). Sheet, review and classification
-- ids derive from (unit, month) or (unit, year), so two devices that start the same month
-- offline write the same record.

-- A version of a criteria set. content is the structure as JSON (groups, criteria,
-- bonus/penalty items, caps, thresholds, year rules); a published version never changes.
CREATE TABLE criteria_sets (
    id              TEXT PRIMARY KEY,
    series_id       TEXT NOT NULL DEFAULT '',
    name            TEXT NOT NULL DEFAULT '',
    version         INTEGER NOT NULL DEFAULT 1,
    status          TEXT NOT NULL DEFAULT 'draft',
    effective_month TEXT NOT NULL DEFAULT '',
    unit_kinds      TEXT NOT NULL DEFAULT '[]',
    content         TEXT NOT NULL DEFAULT '{}',
    example         INTEGER NOT NULL DEFAULT 0,
    note            TEXT NOT NULL DEFAULT '',
    published_at    TEXT NOT NULL DEFAULT '',
    published_by    TEXT NOT NULL DEFAULT '',
    hlc             TEXT NOT NULL,
    field_hlc       TEXT NOT NULL DEFAULT '{}',
    extra           TEXT NOT NULL DEFAULT '{}',
    deleted         INTEGER NOT NULL DEFAULT 0
);

-- The commune office's half: self-assessment per criterion with evidence notes (JSON).
-- locked is set by the Organization Board when it approves (and cleared when it unlocks).
CREATE TABLE score_sheets (
    id              TEXT PRIMARY KEY,
    unit_id         TEXT NOT NULL DEFAULT '',
    commune_id      TEXT NOT NULL DEFAULT '',
    month           TEXT NOT NULL DEFAULT '',
    criteria_set_id TEXT NOT NULL DEFAULT '',
    self            TEXT NOT NULL DEFAULT '{}',
    self_note       TEXT NOT NULL DEFAULT '',
    submitted       INTEGER NOT NULL DEFAULT 0,
    submitted_at    TEXT NOT NULL DEFAULT '',
    submitted_by    TEXT NOT NULL DEFAULT '',
    locked          INTEGER NOT NULL DEFAULT 0,
    hlc             TEXT NOT NULL,
    field_hlc       TEXT NOT NULL DEFAULT '{}',
    extra           TEXT NOT NULL DEFAULT '{}',
    deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX score_sheets_month ON score_sheets(month);
CREATE INDEX score_sheets_unit ON score_sheets(unit_id, month);

-- The Organization Board's half: verified points and comments (JSON). restricted is 1
-- until approval, so a commune office receives the verification only once approved.
CREATE TABLE score_reviews (
    id            TEXT PRIMARY KEY,
    sheet_id      TEXT NOT NULL DEFAULT '',
    unit_id       TEXT NOT NULL DEFAULT '',
    commune_id    TEXT NOT NULL DEFAULT '',
    month         TEXT NOT NULL DEFAULT '',
    verified      TEXT NOT NULL DEFAULT '{}',
    comment       TEXT NOT NULL DEFAULT '',
    approved      INTEGER NOT NULL DEFAULT 0,
    approved_at   TEXT NOT NULL DEFAULT '',
    approved_by   TEXT NOT NULL DEFAULT '',
    unlock_reason TEXT NOT NULL DEFAULT '',
    unlocked_at   TEXT NOT NULL DEFAULT '',
    unlocked_by   TEXT NOT NULL DEFAULT '',
    restricted    INTEGER NOT NULL DEFAULT 1,
    hlc           TEXT NOT NULL,
    field_hlc     TEXT NOT NULL DEFAULT '{}',
    extra         TEXT NOT NULL DEFAULT '{}',
    deleted       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX score_reviews_month ON score_reviews(month);
CREATE INDEX score_reviews_unit ON score_reviews(unit_id, month);

-- Year-end classification: the suggestion as last computed (JSON) and the decision of
-- people overriding it with a reason. District roles only until published.
CREATE TABLE year_classifications (
    id              TEXT PRIMARY KEY,
    unit_id         TEXT NOT NULL DEFAULT '',
    commune_id      TEXT NOT NULL DEFAULT '',
    year            INTEGER NOT NULL DEFAULT 0,
    suggestion      TEXT NOT NULL DEFAULT '{}',
    override        TEXT NOT NULL DEFAULT '',
    override_reason TEXT NOT NULL DEFAULT '',
    overridden_by   TEXT NOT NULL DEFAULT '',
    overridden_at   TEXT NOT NULL DEFAULT '',
    restricted      INTEGER NOT NULL DEFAULT 1,
    hlc             TEXT NOT NULL,
    field_hlc       TEXT NOT NULL DEFAULT '{}',
    extra           TEXT NOT NULL DEFAULT '{}',
    deleted         INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX year_classifications_year ON year_classifications(year);

-- The audit of scoring decisions: approvals, unlocks with their reason, overrides.
-- Append-only: every event is a new record, so concurrent events never overwrite each other.
CREATE TABLE scoring_audit (
    id           TEXT PRIMARY KEY,
    commune_id   TEXT NOT NULL DEFAULT '',
    unit_id      TEXT NOT NULL DEFAULT '',
    subject_kind TEXT NOT NULL DEFAULT '',
    subject_id   TEXT NOT NULL DEFAULT '',
    action       TEXT NOT NULL DEFAULT '',
    reason       TEXT NOT NULL DEFAULT '',
    detail       TEXT NOT NULL DEFAULT '',
    by_user      TEXT NOT NULL DEFAULT '',
    at           TEXT NOT NULL DEFAULT '',
    hlc          TEXT NOT NULL,
    field_hlc    TEXT NOT NULL DEFAULT '{}',
    extra        TEXT NOT NULL DEFAULT '{}',
    deleted      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX scoring_audit_subject ON scoring_audit(subject_id, at);

-- +goose Down
DROP TABLE scoring_audit;
DROP TABLE year_classifications;
DROP TABLE score_reviews;
DROP TABLE score_sheets;
DROP TABLE criteria_sets;
