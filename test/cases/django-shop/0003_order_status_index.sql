BEGIN;
--
-- Alter field status on order
--
CREATE INDEX "shop_order_status_4b2e8f1a" ON "shop_order" ("status");
CREATE INDEX "shop_order_status_4b2e8f1a_like" ON "shop_order" ("status" varchar_pattern_ops);
COMMIT;
