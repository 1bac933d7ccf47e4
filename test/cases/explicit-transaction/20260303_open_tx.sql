BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE events ADD COLUMN source text;
