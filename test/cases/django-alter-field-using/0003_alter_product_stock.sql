BEGIN;
--
-- Alter field stock on product
--
ALTER TABLE "shop_product" ALTER COLUMN "stock" TYPE bigint USING "stock"::bigint;
COMMIT;
