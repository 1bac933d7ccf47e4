-- pgwarden:no-transaction
-- CONCURRENTLY builds the index without blocking writes; it cannot run inside a transaction, so this
-- file holds nothing else.
CREATE INDEX CONCURRENTLY IF NOT EXISTS tasks_assignee_id_idx ON tasks (assignee_id);
