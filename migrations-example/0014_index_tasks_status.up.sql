-- DELIBERATELY UNSAFE (for the lint walkthrough in docs/lint-cli.md): a plain CREATE INDEX on an
-- existing table blocks every write to tasks until the index is built.
SET lock_timeout = '3s';
CREATE INDEX tasks_status_idx ON tasks (status);
