-- pgwarden:no-transaction
SET lock_timeout = '3s';
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS legacy_customers_customer_no_idx ON legacy_customers (customer_no);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS legacy_orders_order_no_idx ON legacy_orders (order_no);
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS legacy_customers_email_idx ON legacy_customers (email);
