SET lock_timeout = '2s';
-- the application still reads accounts.email
ALTER TABLE accounts RENAME COLUMN email TO email_address;
