CREATE TABLE invoices (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL,
  currency text NOT NULL,
  due_date date,
  note text,
  amount_cents bigint NOT NULL
);
-- a brand-new table is empty: a plain CREATE INDEX blocks nobody
CREATE INDEX invoices_account_idx ON invoices (account_id);
