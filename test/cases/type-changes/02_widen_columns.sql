SET lock_timeout = '2s';
ALTER TABLE documents ALTER COLUMN title TYPE varchar(200);
ALTER TABLE documents ALTER COLUMN slug TYPE text;
ALTER TABLE documents ALTER COLUMN price TYPE numeric(14,2);
ALTER TABLE documents ALTER COLUMN summary TYPE varchar;
