SET lock_timeout = '2s';
-- more precision, same scale: binary coercible, no rewrite
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 2);
