-- pgwarden:no-transaction
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);
