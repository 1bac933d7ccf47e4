CREATE TABLE account (id bigint PRIMARY KEY, balance integer NOT NULL DEFAULT 0);
CREATE TABLE items (id bigint NOT NULL, name text);
CREATE TABLE products (id bigint NOT NULL, name text);
