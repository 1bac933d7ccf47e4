-- Leaves the runner's transaction, builds the index concurrently, and re-enters an empty one.
COMMIT;
SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS events_kind_idx ON events (kind);
BEGIN;
