/*
  Warnings:

  - You are about to drop the `CartLine` table. If the table is not empty, all the data it contains will be lost.

*/
-- DropForeignKey
ALTER TABLE "CartLine" DROP CONSTRAINT "CartLine_cartId_fkey";

-- DropTable
DROP TABLE "CartLine";
