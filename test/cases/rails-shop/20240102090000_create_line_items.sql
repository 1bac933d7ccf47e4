CREATE TABLE line_items (
  id bigserial PRIMARY KEY,
  product_id bigint NOT NULL,
  quantity integer NOT NULL DEFAULT 1,
  unit_price_cents integer NOT NULL,
  created_at timestamp(6) NOT NULL,
  updated_at timestamp(6) NOT NULL
);
CREATE INDEX index_line_items_on_product_id ON line_items USING btree (product_id);
ALTER TABLE line_items ADD CONSTRAINT fk_rails_11e15d5c6b FOREIGN KEY (product_id) REFERENCES products (id);
