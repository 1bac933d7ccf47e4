BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN bio text;
COMMIT;
ALTER TABLE accounts ADD COLUMN locale text;
