SET lock_timeout = '2s';
ALTER TABLE billing.payments RENAME CONSTRAINT payments_invoice_id_fkey TO payments_invoice_fk;
COMMENT ON COLUMN billing.payments.paid_at IS 'When the processor confirmed the payment';
