ALTER TABLE orders DROP COLUMN shipping_fee_cents;
