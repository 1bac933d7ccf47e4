-- AlterTable
ALTER TABLE "Post" ADD COLUMN "published" BOOLEAN NOT NULL;
