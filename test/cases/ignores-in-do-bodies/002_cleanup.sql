SET lock_timeout = '2s';
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_tables WHERE tablename = 'audit_log') THEN
    -- pgwarden-ignore ban-drop-table: audit_log moved to the warehouse (TICKET-412)
    DROP TABLE audit_log;
  END IF;
  /*
   * pgwarden-ignore ban-update-without-where: three-row table, reviewed
   */
  UPDATE accounts SET plan = 'free';
  UPDATE accounts SET email = lower(email);
END $$;
