SET lock_timeout = '5s';
ALTER TABLE "users" VALIDATE CONSTRAINT "users_some_column_null";
-- PostgreSQL 12+ uses the validated check and skips the scan
ALTER TABLE "users" ALTER COLUMN "some_column" SET NOT NULL;
ALTER TABLE "users" DROP CONSTRAINT "users_some_column_null";
