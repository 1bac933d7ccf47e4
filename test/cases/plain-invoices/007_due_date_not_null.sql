SET lock_timeout = '2s';
-- PostgreSQL 12+ uses the validated CHECK and skips the scan
ALTER TABLE invoices ALTER COLUMN due_date SET NOT NULL;
ALTER TABLE invoices DROP CONSTRAINT invoices_due_date_not_null;
