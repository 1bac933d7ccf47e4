BEGIN;
--
-- Alter field customer on order
--
SET CONSTRAINTS "shop_order_customer_id_5f7a1b2c_fk_shop_customer_id" IMMEDIATE; ALTER TABLE "shop_order" DROP CONSTRAINT "shop_order_customer_id_5f7a1b2c_fk_shop_customer_id";
ALTER TABLE "shop_order" ALTER COLUMN "customer_id" DROP NOT NULL;
ALTER TABLE "shop_order" ADD CONSTRAINT "shop_order_customer_id_5f7a1b2c_fk_shop_customer_id" FOREIGN KEY ("customer_id") REFERENCES "shop_customer" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
