-- the safe way to make some_column NOT NULL: a NOT VALID check first
SET lock_timeout = '5s';
ALTER TABLE "users" ADD CONSTRAINT "users_some_column_null" CHECK ("some_column" IS NOT NULL) NOT VALID;
