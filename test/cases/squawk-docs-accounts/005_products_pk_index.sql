SET lock_timeout = '2s';
CREATE UNIQUE INDEX CONCURRENTLY products_pk_idx ON products (id);
