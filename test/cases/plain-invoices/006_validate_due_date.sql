SET lock_timeout = '2s';
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_due_date_not_null;
