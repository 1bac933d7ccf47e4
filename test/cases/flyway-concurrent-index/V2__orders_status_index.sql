-- Flyway sees CREATE INDEX CONCURRENTLY and runs this script outside a transaction, statement by statement
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);
