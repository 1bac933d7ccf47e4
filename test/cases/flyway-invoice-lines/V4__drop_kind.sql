-- contract, a release later: kind is still a column of a released table
SET lock_timeout = '3s';
ALTER TABLE invoices DROP COLUMN kind;
