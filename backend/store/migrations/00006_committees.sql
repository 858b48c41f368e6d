-- +goose Up
-- Committees at two levels (issue 9): the commune committee an official's role is held in,
-- the committee whose plan a visit or report is, and each committee's paper profile.
ALTER TABLE officials ADD COLUMN committee_id TEXT NOT NULL DEFAULT '';
ALTER TABLE visits ADD COLUMN committee_id TEXT NOT NULL DEFAULT '';
ALTER TABLE visit_reports ADD COLUMN committee_id TEXT NOT NULL DEFAULT '';
ALTER TABLE communes ADD COLUMN merged_into_id TEXT NOT NULL DEFAULT '';

CREATE TABLE committee_profiles (
    id                TEXT PRIMARY KEY,
    committee_id      TEXT NOT NULL DEFAULT '',
    commune_id        TEXT NOT NULL DEFAULT '',
    short_name        TEXT NOT NULL DEFAULT '',
    parent_body       TEXT NOT NULL DEFAULT '',
    issuing_body      TEXT NOT NULL DEFAULT '',
    place             TEXT NOT NULL DEFAULT '',
    symbol            TEXT NOT NULL DEFAULT '',
    org_board         TEXT NOT NULL DEFAULT '',
    signer_capacity   TEXT NOT NULL DEFAULT '',
    signer_title      TEXT NOT NULL DEFAULT '',
    signer_name       TEXT NOT NULL DEFAULT '',
    letter_recipients TEXT NOT NULL DEFAULT '',
    report_recipients TEXT NOT NULL DEFAULT '',
    hlc               TEXT NOT NULL,
    field_hlc         TEXT NOT NULL DEFAULT '{}',
    extra             TEXT NOT NULL DEFAULT '{}',
    deleted           INTEGER NOT NULL DEFAULT 0
);

-- +goose Down
DROP TABLE committee_profiles;
ALTER TABLE communes DROP COLUMN merged_into_id;
ALTER TABLE visit_reports DROP COLUMN committee_id;
ALTER TABLE visits DROP COLUMN committee_id;
ALTER TABLE officials DROP COLUMN committee_id;
