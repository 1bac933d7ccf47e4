-- tables imported from the old system without keys
CREATE TABLE legacy_customers (
  customer_no bigint,
  email text,
  name text
);
CREATE TABLE legacy_orders (
  order_no bigint NOT NULL,
  customer_no bigint,
  total_cents bigint
);
