SET lock_timeout = '3s';
-- the validated CHECK proves customer_no NOT NULL: no scan on PostgreSQL 12+
ALTER TABLE legacy_orders ALTER COLUMN customer_no SET NOT NULL;
ALTER TABLE legacy_orders DROP CONSTRAINT legacy_orders_customer_no_not_null;
