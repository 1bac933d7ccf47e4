SET lock_timeout = '2s';
ALTER TABLE members ADD CONSTRAINT members_team_fk FOREIGN KEY (team_id) REFERENCES teams (id) NOT VALID;
CREATE INDEX CONCURRENTLY IF NOT EXISTS members_team_id_idx ON members (team_id);
