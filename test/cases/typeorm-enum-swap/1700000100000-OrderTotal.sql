ALTER TABLE "order" ADD "total" numeric(10,2) NOT NULL DEFAULT '0';
CREATE INDEX "IDX_124456e637cca7a415897dce65" ON "order" ("customerId");
ALTER TYPE "public"."order_status_enum" RENAME TO "order_status_enum_old";
CREATE TYPE "public"."order_status_enum" AS ENUM('pending', 'paid', 'shipped', 'cancelled');
ALTER TABLE "order" ALTER COLUMN "status" DROP DEFAULT;
ALTER TABLE "order" ALTER COLUMN "status" TYPE "public"."order_status_enum" USING "status"::"text"::"public"."order_status_enum";
ALTER TABLE "order" ALTER COLUMN "status" SET DEFAULT 'pending';
DROP TYPE "public"."order_status_enum_old";
