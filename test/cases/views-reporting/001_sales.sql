CREATE TABLE sales (
    id      bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sold_at timestamptz NOT NULL,
    amount  numeric(12,2) NOT NULL,
    region  text NOT NULL
);
