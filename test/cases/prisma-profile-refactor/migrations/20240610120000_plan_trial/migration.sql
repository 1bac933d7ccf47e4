-- AlterEnum
ALTER TYPE "public"."Plan" ADD VALUE 'TRIAL' BEFORE 'FREE';

-- AlterTable
ALTER TABLE "Customer" ALTER COLUMN "plan" SET DEFAULT 'TRIAL';
