-- +goose Up
-- As the SQLite file's migration 00009: the audit log is append-only, without an index
-- every change would pay for and no query of the product reads.
DROP INDEX audit_record;

-- +goose Down
CREATE INDEX audit_record ON audit(kind, record_id);
