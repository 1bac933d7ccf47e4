-- Deploy widgets:appschema to pg
BEGIN;
CREATE SCHEMA app;
COMMIT;
