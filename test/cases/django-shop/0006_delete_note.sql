BEGIN;
--
-- Remove field note from order
--
ALTER TABLE "shop_order" DROP COLUMN "note" CASCADE;
--
-- Add field shipped to order
--
ALTER TABLE "shop_order" ADD COLUMN "shipped" boolean DEFAULT false NOT NULL;
ALTER TABLE "shop_order" ALTER COLUMN "shipped" DROP DEFAULT;
COMMIT;
