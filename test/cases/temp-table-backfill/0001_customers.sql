CREATE TABLE customers (
    id     bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name   text NOT NULL,
    legacy boolean NOT NULL DEFAULT false,
    tier   text
);
