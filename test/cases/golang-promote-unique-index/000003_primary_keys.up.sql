SET lock_timeout = '3s';
-- order_no is already NOT NULL: promoting the index is instant
ALTER TABLE legacy_orders ADD CONSTRAINT legacy_orders_pkey PRIMARY KEY USING INDEX legacy_orders_order_no_idx;
-- customer_no is nullable: PostgreSQL scans the table to set it NOT NULL
ALTER TABLE legacy_customers ADD CONSTRAINT legacy_customers_pkey PRIMARY KEY USING INDEX legacy_customers_customer_no_idx;
-- a unique constraint needs no NOT NULL
ALTER TABLE legacy_customers ADD CONSTRAINT legacy_customers_email_key UNIQUE USING INDEX legacy_customers_email_idx;
