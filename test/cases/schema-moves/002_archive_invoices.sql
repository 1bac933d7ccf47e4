SET lock_timeout = '2s';
CREATE SCHEMA archive;
ALTER TABLE invoices SET SCHEMA archive;
