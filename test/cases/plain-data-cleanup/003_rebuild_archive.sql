-- Résumé: « vider » l'archive — every archived row is moved back, and the archive is emptied by the CTE.
WITH restored AS (
  DELETE FROM events_archive RETURNING *
)
INSERT INTO events (kind, payload, created_at)
SELECT kind, payload, created_at FROM restored;
