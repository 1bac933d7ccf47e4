-- REFERENCES locks the referenced table (SHARE ROW EXCLUSIVE): give up after 3 s rather than queue
-- its traffic behind a long transaction.
SET lock_timeout = '3s';

CREATE TABLE projects (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  team_id bigint NOT NULL REFERENCES teams (id),
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX projects_team_id_idx ON projects (team_id);
