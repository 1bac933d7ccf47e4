CREATE SCHEMA scratch;
ALTER SCHEMA scratch RENAME TO sandbox;
CREATE TABLE staging_rows (id bigint);
ALTER TABLE staging_rows SET SCHEMA sandbox;
