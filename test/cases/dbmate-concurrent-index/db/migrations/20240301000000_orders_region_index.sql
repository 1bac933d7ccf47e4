-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_region_idx ON orders (region);

-- migrate:down
DROP INDEX IF EXISTS orders_region_idx;
