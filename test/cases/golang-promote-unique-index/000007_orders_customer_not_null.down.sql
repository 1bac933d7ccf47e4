ALTER TABLE legacy_orders ALTER COLUMN customer_no DROP NOT NULL;
