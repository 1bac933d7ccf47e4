BEGIN;
--
-- Alter field isbn on book
--
CREATE INDEX "library_book_isbn_7d3f1c2a" ON "library_book" ("isbn");
CREATE INDEX "library_book_isbn_7d3f1c2a_like" ON "library_book" ("isbn" varchar_pattern_ops);
COMMIT;
