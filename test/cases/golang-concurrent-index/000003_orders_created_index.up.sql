-- One statement per file: golang-migrate sends it alone, outside any transaction block.
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at);
