SET lock_timeout = '3s';
ALTER TABLE tasks ALTER COLUMN title TYPE text;
