SET lock_timeout = '2s';
ALTER TABLE invoices ALTER COLUMN note SET NOT NULL;
