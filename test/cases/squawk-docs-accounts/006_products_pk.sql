SET lock_timeout = '2s';
-- id is already NOT NULL, so this only swaps catalog entries
ALTER TABLE products ADD CONSTRAINT products_pk PRIMARY KEY USING INDEX products_pk_idx;
