-- Deploy billing:invoice_status to pg

BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE invoices ADD COLUMN status text;
-- the chained transaction starts at once: the backfill still runs inside a transaction,
-- and a CONCURRENTLY index there fails
COMMIT AND CHAIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE invoices ALTER COLUMN status SET DEFAULT 'open';
UPDATE invoices SET status = 'open' WHERE status IS NULL;
CREATE INDEX CONCURRENTLY invoices_status_idx ON invoices (status);
COMMIT;
