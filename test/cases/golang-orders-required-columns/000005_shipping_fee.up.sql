SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN shipping_fee_cents bigint;
UPDATE orders SET shipping_fee_cents = 0 WHERE shipping_fee_cents IS NULL;
ALTER TABLE orders
  ALTER COLUMN shipping_fee_cents SET NOT NULL;
