CREATE SCHEMA IF NOT EXISTS billing;

CREATE TABLE billing.invoices (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL,
    amount      numeric(12,2) NOT NULL,
    issued_at   timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX invoices_customer_id_idx ON billing.invoices (customer_id);
