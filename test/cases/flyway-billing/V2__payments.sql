SET search_path TO billing, public;

CREATE TABLE payments (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    invoice_id bigint NOT NULL REFERENCES invoices (id),
    amount     numeric(12,2) NOT NULL,
    paid_at    timestamptz NOT NULL
);

CREATE INDEX payments_invoice_id_idx ON payments (invoice_id);
