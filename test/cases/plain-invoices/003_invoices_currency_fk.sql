SET lock_timeout = '2s';
ALTER TABLE invoices
  ADD CONSTRAINT invoices_currency_fk FOREIGN KEY (currency) REFERENCES currencies (code) NOT VALID;
