CREATE EXTENSION IF NOT EXISTS btree_gist;
SET lock_timeout = '2s';
ALTER TABLE members ADD CONSTRAINT members_no_overlap
    EXCLUDE USING gist (team_id WITH =, daterange(starts, ends) WITH &&);
