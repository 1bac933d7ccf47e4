SET search_path TO billing, public;
SET lock_timeout = '2s';
ALTER TABLE invoices ALTER COLUMN amount TYPE numeric(14,2);
