-- +goose Up
-- The office's own words and margins on its papers, synced with its profile (issue 13).
ALTER TABLE committee_profiles ADD COLUMN letter_purpose TEXT NOT NULL DEFAULT '';
ALTER TABLE committee_profiles ADD COLUMN letter_valid_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE committee_profiles ADD COLUMN margin_top INTEGER NOT NULL DEFAULT 0;
ALTER TABLE committee_profiles ADD COLUMN margin_bottom INTEGER NOT NULL DEFAULT 0;
ALTER TABLE committee_profiles ADD COLUMN margin_left INTEGER NOT NULL DEFAULT 0;
ALTER TABLE committee_profiles ADD COLUMN margin_right INTEGER NOT NULL DEFAULT 0;

-- +goose Down
ALTER TABLE committee_profiles DROP COLUMN margin_right;
ALTER TABLE committee_profiles DROP COLUMN margin_left;
ALTER TABLE committee_profiles DROP COLUMN margin_bottom;
ALTER TABLE committee_profiles DROP COLUMN margin_top;
ALTER TABLE committee_profiles DROP COLUMN letter_valid_days;
ALTER TABLE committee_profiles DROP COLUMN letter_purpose;
