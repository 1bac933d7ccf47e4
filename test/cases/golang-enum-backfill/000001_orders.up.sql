CREATE TYPE order_state AS ENUM ('pending', 'paid', 'shipped');
CREATE TABLE orders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    state       order_state NOT NULL DEFAULT 'pending',
    refunded_at timestamptz
);
