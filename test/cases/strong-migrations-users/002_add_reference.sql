-- add_reference :users, :order, foreign_key: true (Rails' default SQL)
SET lock_timeout = '5s';
ALTER TABLE "users" ADD "order_id" bigint;
CREATE INDEX "index_users_on_order_id" ON "users" ("order_id");
ALTER TABLE "users" ADD CONSTRAINT "fk_rails_c1e9b98e31" FOREIGN KEY ("order_id") REFERENCES "orders" ("id");
