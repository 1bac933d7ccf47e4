-- expand: a text column next to the char(1) one
SET lock_timeout = '3s';
ALTER TABLE invoices ADD COLUMN kind_code text;
