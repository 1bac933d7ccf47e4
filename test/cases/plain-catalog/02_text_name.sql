SET lock_timeout = '2s';
-- varchar(n) -> text is binary coercible: no rewrite
ALTER TABLE people ALTER COLUMN name TYPE text;
ALTER TABLE people ADD COLUMN bio jsonb;
