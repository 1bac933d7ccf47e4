-- migrate:up
CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, status text NOT NULL, region text);

-- migrate:down
DROP TABLE orders;
