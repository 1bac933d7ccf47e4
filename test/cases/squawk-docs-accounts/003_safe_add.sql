SET lock_timeout = '2s';
ALTER TABLE "account" ADD COLUMN "foo" integer DEFAULT 10;
ALTER TABLE "account" ADD COLUMN "ab_bucket" integer;
ALTER TABLE "account" ALTER COLUMN "ab_bucket" SET DEFAULT random();
ALTER TABLE "account" ADD CONSTRAINT "nonnegative_balance" CHECK ("balance" >= 0) NOT VALID;
