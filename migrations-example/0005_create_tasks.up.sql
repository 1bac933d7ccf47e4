-- REFERENCES locks the referenced table (SHARE ROW EXCLUSIVE): give up after 3 s rather than queue
-- its traffic behind a long transaction.
SET lock_timeout = '3s';

CREATE TABLE tasks (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
  title text NOT NULL,
  status task_status NOT NULL DEFAULT 'todo',
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX tasks_project_id_idx ON tasks (project_id);
