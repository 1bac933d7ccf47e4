SET lock_timeout = '5s';
-- with the session time zone at UTC, PostgreSQL 12+ changes the type without a rewrite
SET LOCAL TIME ZONE 'UTC';
ALTER TABLE users ALTER COLUMN placed_at TYPE timestamptz;
