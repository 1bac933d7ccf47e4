SET lock_timeout = '2s';
ALTER TABLE customers ALTER COLUMN name TYPE varchar(100);
