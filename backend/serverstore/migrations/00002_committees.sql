-- +goose Up
-- Committees at two levels (issue 9): a restricted record's planner (the commune committee
-- whose official planned it; '' = the top committee) is part of its class, and an account's
-- role may be held in a commune committee.
ALTER TABLE records ADD COLUMN planner TEXT NOT NULL DEFAULT '';
ALTER TABLE scope_exits ADD COLUMN planner TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN committee_id TEXT NOT NULL DEFAULT '';

-- +goose Down
ALTER TABLE users DROP COLUMN committee_id;
ALTER TABLE scope_exits DROP COLUMN planner;
ALTER TABLE records DROP COLUMN planner;
