-- +goose Up
-- A pull's scope predicate is an OR over commune_id (communeless records, or the
-- device's commune). With an index on commune_id alone SQLite answers it by reading every
-- record of both branches and filtering on server_seq afterwards: an incremental pull cost
-- as much as a first one (the load generator found it). With server_seq after commune_id
-- each branch reads only the records past the cursor.
CREATE INDEX records_commune_seq ON records(commune_id, server_seq);
DROP INDEX records_commune;

-- +goose Down
CREATE INDEX records_commune ON records(commune_id);
DROP INDEX records_commune_seq;
