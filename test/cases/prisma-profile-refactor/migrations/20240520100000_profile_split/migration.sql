/*
  Warnings:

  - You are about to drop the column `name` on the `Customer` table. All the data in the column will be lost.

*/
-- CreateTable
CREATE TABLE "CustomerProfile" (
    "customerId" BIGINT NOT NULL,
    "displayName" TEXT,
    "bio" TEXT,

    CONSTRAINT "CustomerProfile_pkey" PRIMARY KEY ("customerId")
);

-- AlterTable
ALTER TABLE "CustomerProfile" RENAME COLUMN "bio" TO "about";

-- AlterTable
ALTER TABLE "Customer" DROP COLUMN "name";

-- AddForeignKey
ALTER TABLE "CustomerProfile" ADD CONSTRAINT "CustomerProfile_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "Customer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
