CREATE TABLE orders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    qty         integer NOT NULL,
    price_cents bigint NOT NULL
);
