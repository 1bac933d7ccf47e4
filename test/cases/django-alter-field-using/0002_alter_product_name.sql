BEGIN;
--
-- Alter field name on product
--
ALTER TABLE "shop_product" ALTER COLUMN "name" TYPE varchar(255) USING "name"::varchar(255);
--
-- Alter field price on product
--
ALTER TABLE "shop_product" ALTER COLUMN "price" TYPE numeric(12, 2) USING "price"::numeric(12, 2);
COMMIT;
