BEGIN;
--
-- Remove field born from author
--
ALTER TABLE "library_author" DROP COLUMN "born" CASCADE;
COMMIT;
