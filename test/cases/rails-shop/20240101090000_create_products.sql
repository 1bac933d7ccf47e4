CREATE TABLE products (
  id bigserial PRIMARY KEY,
  name character varying NOT NULL,
  price_cents integer NOT NULL DEFAULT 0,
  quantity integer,
  created_at timestamp(6) NOT NULL,
  updated_at timestamp(6) NOT NULL
);
CREATE INDEX index_products_on_name ON products USING btree (name);
