-- +goose Up
-- The committee's own list of dialogue topics (issue 11: "a configurable list").
ALTER TABLE committee_profiles ADD COLUMN topics TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE committee_profiles DROP COLUMN topics;
