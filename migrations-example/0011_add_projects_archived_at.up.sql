SET lock_timeout = '3s';

-- Expand step: a nullable column, filled by 0012, read by the application afterwards.
ALTER TABLE projects ADD COLUMN archived_at timestamptz;
