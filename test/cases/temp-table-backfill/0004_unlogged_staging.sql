CREATE UNLOGGED TABLE customer_staging (LIKE customers);
CREATE INDEX customer_staging_name_idx ON customer_staging (name);
DROP TABLE customer_staging;
