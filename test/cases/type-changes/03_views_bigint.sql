SET lock_timeout = '2s';
ALTER TABLE documents ALTER COLUMN views TYPE bigint;
