SET lock_timeout = '2s';
ALTER TABLE documents ALTER COLUMN price TYPE numeric(14,4);
