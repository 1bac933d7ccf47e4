-- Move events older than a year to the archive: bounded, and the CTE's DELETE has its own WHERE.
WITH moved AS (
  DELETE FROM events
  WHERE created_at < now() - interval '1 year'
  RETURNING *
)
INSERT INTO events_archive SELECT * FROM moved;

UPDATE events SET kind = 'signup' WHERE kind = 'sign_up';
DELETE FROM events WHERE id IN (SELECT id FROM events WHERE kind = 'test' LIMIT 1000) RETURNING id;
