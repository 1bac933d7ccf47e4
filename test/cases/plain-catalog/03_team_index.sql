-- pgwarden:no-transaction
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS people_team_idx ON people (team);
DROP INDEX people_email_old_idx;
