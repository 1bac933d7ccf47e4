-- REFERENCES locks the referenced table (SHARE ROW EXCLUSIVE): give up after 3 s rather than queue
-- its traffic behind a long transaction.
SET lock_timeout = '3s';

-- Teams and their members. Every foreign key gets an index on its column: deleting a user or a team
-- must not scan team_members.
CREATE TABLE teams (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE team_members (
  team_id bigint NOT NULL REFERENCES teams (id) ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  role text NOT NULL DEFAULT 'member',
  PRIMARY KEY (team_id, user_id)
);

CREATE INDEX team_members_user_id_idx ON team_members (user_id);
