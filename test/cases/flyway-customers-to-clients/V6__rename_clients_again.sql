SET lock_timeout = '2s';
ALTER TABLE clients RENAME TO accounts;
ALTER TABLE accounts RENAME COLUMN name TO full_name;
CREATE VIEW clients AS SELECT * FROM accounts;
