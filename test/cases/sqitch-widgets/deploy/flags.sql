-- Deploy widgets:flags to pg
BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE app.widgets ADD COLUMN is_admin boolean NOT NULL DEFAULT false;
CREATE INDEX widgets_owner_idx ON app.widgets (owner);
COMMIT;
