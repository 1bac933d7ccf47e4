-- pgwarden:no-transaction
SET lock_timeout = '3s';
CREATE UNIQUE INDEX CONCURRENTLY legacy_orders_customer_order_idx ON legacy_orders (customer_no, order_no);
