SET lock_timeout = '5s';

ALTER TABLE billing.invoices ADD COLUMN due_date date;
ALTER TABLE billing.invoices
    ADD CONSTRAINT invoices_due_after_issue CHECK (due_date IS NULL OR due_date >= issued_at::date) NOT VALID;
