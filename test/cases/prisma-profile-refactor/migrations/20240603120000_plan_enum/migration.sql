-- AlterEnum
ALTER TYPE "Plan" ADD VALUE 'TEAM' AFTER 'PRO';

-- hand-edited: the sales segment is text, not the enum, so 'TEAM' here is not a use of the new value
UPDATE "Customer" SET "segment" = 'TEAM' WHERE "email" = 'ops@team.example';
