BEGIN;
--
-- Alter field sku on product
--
ALTER TABLE "shop_product" ALTER COLUMN "sku" TYPE varchar(16) USING "sku"::varchar(16);
COMMIT;
