-- +goose Up
-- The branch indexes of the page query (serverstore/pagequery.go), as the SQLite file's
-- migrations 00007 and 00008: a scope's branch walks its area's or its commune's records
-- in sequence order, and the columns the scope also tests are in the index (INCLUDE), so
-- the walk and a first sync's count read no row. Before them a province's last pages on
-- the national data read a row for every other province's record past the cursor (about
-- a second a page). Built in 9 s on the 5.3-million-record national data, during which
-- pushes wait (CREATE INDEX lets reads through); the old index is dropped last, so its
-- exclusive lock, which stops reads too, is held only for the commit.
CREATE INDEX records_area_seq ON records(area_id, server_seq) INCLUDE (commune_id, purged, restricted, planner);
CREATE INDEX records_commune_seq_covering ON records(commune_id, server_seq) INCLUDE (purged, audience, restricted, planner);
DROP INDEX records_commune_seq;
ALTER INDEX records_commune_seq_covering RENAME TO records_commune_seq;

-- +goose Down
DROP INDEX records_commune_seq;
CREATE INDEX records_commune_seq ON records(commune_id, server_seq);
DROP INDEX records_area_seq;
