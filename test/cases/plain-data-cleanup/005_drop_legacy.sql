-- legacy_imports dates from the first migration: dropping it loses its rows, IF EXISTS or not.
DO $$
BEGIN
  IF to_regclass('public.legacy_imports') IS NOT NULL THEN
    EXECUTE 'DROP TABLE legacy_imports';
  END IF;
END
$$;
