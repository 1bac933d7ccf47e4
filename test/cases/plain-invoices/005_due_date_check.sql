SET lock_timeout = '2s';
ALTER TABLE invoices ADD CONSTRAINT invoices_due_date_not_null CHECK (due_date IS NOT NULL) NOT VALID;
