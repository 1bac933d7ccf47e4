ALTER TABLE invoices DROP COLUMN kind_code;
