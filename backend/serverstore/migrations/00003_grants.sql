-- +goose Up
-- Roles an account holds besides its own, at another level (issue 9): a commune secretary
-- who is also a member of the provincial committee.
CREATE TABLE user_grants (
    user_id      TEXT NOT NULL REFERENCES users(id),
    role         TEXT NOT NULL,
    committee_id TEXT NOT NULL DEFAULT '',
    area_id      TEXT NOT NULL DEFAULT '',
    commune_id   TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (user_id, role, committee_id, area_id, commune_id)
) WITHOUT ROWID;

-- +goose Down
DROP TABLE user_grants;
