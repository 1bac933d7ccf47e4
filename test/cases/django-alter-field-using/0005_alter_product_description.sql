BEGIN;
--
-- Alter field description on product
--
UPDATE "shop_product" SET "description" = '' WHERE "description" IS NULL; SET CONSTRAINTS ALL IMMEDIATE;
ALTER TABLE "shop_product" ALTER COLUMN "description" SET NOT NULL;
COMMIT;
