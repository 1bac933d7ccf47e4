-- Deploy widgets:widen_label to pg
BEGIN;
SET LOCAL lock_timeout = '2s';
-- widening a varchar is binary coercible: no rewrite, no scan
ALTER TABLE app.widgets ALTER COLUMN label TYPE varchar(200);
COMMIT;
