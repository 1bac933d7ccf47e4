SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (qty * price_cents) STORED;
