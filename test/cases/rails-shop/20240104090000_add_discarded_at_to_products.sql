-- disable_ddl_transaction!
ALTER TABLE products ADD COLUMN discarded_at timestamp(6);
CREATE INDEX CONCURRENTLY index_products_on_discarded_at ON products USING btree (discarded_at);
