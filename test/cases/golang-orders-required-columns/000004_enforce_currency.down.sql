ALTER TABLE orders DROP CONSTRAINT orders_currency_not_null;
