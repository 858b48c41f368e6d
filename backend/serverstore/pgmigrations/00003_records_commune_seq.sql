-- +goose Up
-- As the SQLite file's migration 00005: each branch of the scope's OR over commune_id
-- reads only the records past the cursor.
CREATE INDEX records_commune_seq ON records(commune_id, server_seq);
DROP INDEX records_commune;

-- +goose Down
CREATE INDEX records_commune ON records(commune_id);
DROP INDEX records_commune_seq;
