SET search_path TO billing;

CREATE TABLE refunds (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    payment_id bigint NOT NULL,
    amount     numeric(12,2) NOT NULL
);

CREATE INDEX refunds_payment_id_idx ON billing.refunds (payment_id);
ALTER TABLE billing.refunds ADD CONSTRAINT refunds_payment_fk FOREIGN KEY (payment_id) REFERENCES billing.payments (id);
