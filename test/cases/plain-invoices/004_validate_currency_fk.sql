SET lock_timeout = '2s';
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_currency_fk;
