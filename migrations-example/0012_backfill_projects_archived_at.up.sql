-- pgwarden:no-transaction
-- Backfill in batches of 1000 rows, committing after each, so that no batch holds row locks for long
-- and the table never waits on one huge transaction.
DO $$
DECLARE
  updated integer;
BEGIN
  LOOP
    UPDATE projects
       SET archived_at = created_at
     WHERE id IN (
       SELECT p.id
         FROM projects p
        WHERE p.archived_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.project_id = p.id AND t.status <> 'archived')
          AND EXISTS (SELECT 1 FROM tasks t WHERE t.project_id = p.id)
        LIMIT 1000
     );
    GET DIAGNOSTICS updated = ROW_COUNT;
    EXIT WHEN updated = 0;
    COMMIT;
  END LOOP;
END
$$;
