SET lock_timeout = '2s';
ALTER TABLE documents ALTER COLUMN title TYPE varchar(80);
