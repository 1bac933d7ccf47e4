SET lock_timeout = '2s';
DO $$
BEGIN
  -- pgwarden-ignore ban-drop-colum -- typo: silences nothing
  ALTER TABLE accounts DROP COLUMN plan;
END $$;
