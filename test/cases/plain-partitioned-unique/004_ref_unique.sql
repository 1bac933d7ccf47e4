SET lock_timeout = '2s';
-- no partition has this key yet: PostgreSQL builds a unique index on every partition under the lock
ALTER TABLE events ADD CONSTRAINT events_ref_created_on_key UNIQUE (ref, created_on);
