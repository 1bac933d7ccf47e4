SET lock_timeout = '3s';
ALTER TABLE legacy_orders ADD CONSTRAINT legacy_orders_customer_no_not_null CHECK (customer_no IS NOT NULL) NOT VALID;
