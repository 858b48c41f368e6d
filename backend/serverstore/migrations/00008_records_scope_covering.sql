-- +goose Up
-- The branch indexes of the page query (serverstore/pagequery.go) hold every column the
-- scope tests, so a branch's sequence numbers and a first sync's count are read from the
-- index alone. Without them each entry was a lookup in the table (ordered by kind and id,
-- not by sequence): one province's first sync on the national file read its rows twice,
-- and the count on its first page took 0.8 s.
DROP INDEX records_area_seq;
CREATE INDEX records_area_seq ON records(area_id, server_seq, commune_id, purged, restricted, planner);
DROP INDEX records_commune_seq;
CREATE INDEX records_commune_seq ON records(commune_id, server_seq, purged, audience, restricted, planner);

-- +goose Down
DROP INDEX records_commune_seq;
CREATE INDEX records_commune_seq ON records(commune_id, server_seq);
DROP INDEX records_area_seq;
CREATE INDEX records_area_seq ON records(area_id, server_seq);
