SET lock_timeout = '2s';
-- expand: nullable, deployed together with code that writes currency
ALTER TABLE orders ADD COLUMN currency text;
