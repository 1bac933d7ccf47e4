SET lock_timeout = '3s';
ALTER TABLE projects DROP COLUMN archived_at;
