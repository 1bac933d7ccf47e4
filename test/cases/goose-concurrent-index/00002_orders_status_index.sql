-- +goose NO TRANSACTION
-- +goose Up
SET lock_timeout = '2s';
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);

-- +goose Down
DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;
