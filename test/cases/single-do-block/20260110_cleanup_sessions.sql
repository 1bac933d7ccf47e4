-- Runs at migration time: the DELETE in the DO block empties the table.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'sessions') THEN
    RAISE NOTICE 'clearing sessions';
    DELETE FROM sessions;
  END IF;
END
$$;

-- Runs later, when someone calls it: not the migration's business.
CREATE OR REPLACE FUNCTION purge_sessions() RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sessions;
  DROP TABLE IF EXISTS session_archive;
END
$$;

-- SQL inside a string literal is data.
INSERT INTO audit_notes (body) VALUES ('DROP TABLE users; TRUNCATE orders;');
