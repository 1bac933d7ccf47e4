-- A scratch table that lives only inside this migration: emptying and dropping it loses nothing.
CREATE TABLE import_staging (id bigint, raw text);
INSERT INTO import_staging SELECT id, raw FROM legacy_imports;
DELETE FROM import_staging WHERE raw IS NULL;
UPDATE import_staging SET raw = trim(raw);
TRUNCATE import_staging;
DELETE FROM import_staging;
DROP TABLE import_staging;

-- a function body runs later, if ever: not linted as if run now
CREATE FUNCTION purge_events() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM events;
  EXECUTE 'TRUNCATE events_archive';
END;
$$;
