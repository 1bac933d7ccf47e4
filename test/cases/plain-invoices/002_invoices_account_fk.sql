SET lock_timeout = '2s';
ALTER TABLE invoices
  ADD CONSTRAINT invoices_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
