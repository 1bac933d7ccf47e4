-- Deploy billing:invoice_checks to pg

BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE invoices ADD CONSTRAINT invoices_amount_positive CHECK (amount_cents > 0) NOT VALID;
COMMIT AND CHAIN;
SET LOCAL lock_timeout = '2s';
-- a new transaction: VALIDATE takes only SHARE UPDATE EXCLUSIVE
ALTER TABLE invoices VALIDATE CONSTRAINT invoices_amount_positive;
SAVEPOINT before_note;
ALTER TABLE invoices ADD COLUMN note text;
ROLLBACK TO SAVEPOINT before_note;
COMMIT;
