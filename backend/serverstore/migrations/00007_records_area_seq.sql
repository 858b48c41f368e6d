-- +goose Up
-- A province's standing committee reads the records of its area's communes: pages read
-- branch by branch (access.Scope.SQLBranches) walk this index in sequence order.
CREATE INDEX records_area_seq ON records(area_id, server_seq);

-- +goose Down
DROP INDEX records_area_seq;
