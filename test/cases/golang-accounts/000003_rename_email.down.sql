ALTER TABLE accounts RENAME COLUMN email_address TO email;
