-- Deploy flipr:users_fullname to pg
-- requires: users

BEGIN;

SET LOCAL lock_timeout = '2s';
ALTER TABLE flipr.users ADD COLUMN fullname TEXT NOT NULL DEFAULT '';

COMMIT;
