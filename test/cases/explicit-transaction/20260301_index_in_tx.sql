BEGIN;
SET LOCAL lock_timeout = '2s';
CREATE INDEX CONCURRENTLY events_created_at_idx ON events (created_at);
COMMIT;
