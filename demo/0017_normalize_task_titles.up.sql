-- pgwarden:no-transaction
-- DELIBERATELY FAILING (for `pgwarden demo`): runs outside a transaction, lower-cases the task titles
-- (committed at once), then fails to build the unique index because two titles now collide. Nothing
-- can roll the UPDATE back: pgwarden restores tasks from the backup taken before the run.
UPDATE tasks SET title = lower(title) WHERE title <> lower(title);
CREATE UNIQUE INDEX CONCURRENTLY tasks_title_key ON tasks (title);
