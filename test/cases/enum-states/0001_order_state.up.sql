CREATE TYPE order_state AS ENUM ('new', 'paid');
CREATE TABLE purchases (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  state order_state NOT NULL DEFAULT 'new'
);
