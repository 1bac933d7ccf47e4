SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN order_number bigserial;
