ALTER TABLE products ADD COLUMN sku character varying;
CREATE UNIQUE INDEX index_products_on_sku ON products USING btree (sku);
