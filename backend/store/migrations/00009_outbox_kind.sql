-- +goose Up
-- A list of one kind reads the pending changes of that kind only (syncStatesOfKinds).
CREATE INDEX outbox_kind ON outbox(kind, state, seq);

-- +goose Down
DROP INDEX outbox_kind;
