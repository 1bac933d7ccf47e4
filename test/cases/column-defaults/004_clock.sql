SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN inserted_at timestamptz DEFAULT clock_timestamp();
