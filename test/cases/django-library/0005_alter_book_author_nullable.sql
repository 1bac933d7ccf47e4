BEGIN;
--
-- Alter field author on book
--
SET CONSTRAINTS "library_book_author_id_5f2c6a1e_fk_library_author_id" IMMEDIATE; ALTER TABLE "library_book" DROP CONSTRAINT "library_book_author_id_5f2c6a1e_fk_library_author_id";
ALTER TABLE "library_book" ALTER COLUMN "author_id" DROP NOT NULL;
ALTER TABLE "library_book" ADD CONSTRAINT "library_book_author_id_5f2c6a1e_fk_library_author_id" FOREIGN KEY ("author_id") REFERENCES "library_author" ("id") DEFERRABLE INITIALLY DEFERRED;
COMMIT;
