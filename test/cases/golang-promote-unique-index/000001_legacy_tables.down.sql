DROP TABLE legacy_orders; DROP TABLE legacy_customers;
