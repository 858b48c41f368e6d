-- +goose Up
-- Cluster briefings (issue 11); a matter names the briefing or the visit report it came from.
CREATE TABLE briefings (
    id         TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL DEFAULT '',
    date       TEXT NOT NULL DEFAULT '',
    place      TEXT NOT NULL DEFAULT '',
    chair      TEXT NOT NULL DEFAULT '',
    reports    TEXT NOT NULL DEFAULT '',
    note       TEXT NOT NULL DEFAULT '',
    hlc        TEXT NOT NULL,
    field_hlc  TEXT NOT NULL DEFAULT '{}',
    extra      TEXT NOT NULL DEFAULT '{}',
    deleted    INTEGER NOT NULL DEFAULT 0
);
ALTER TABLE matters ADD COLUMN briefing_id TEXT NOT NULL DEFAULT '';
ALTER TABLE matters ADD COLUMN report_id TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE matters DROP COLUMN report_id;
ALTER TABLE matters DROP COLUMN briefing_id;
DROP TABLE briefings;
