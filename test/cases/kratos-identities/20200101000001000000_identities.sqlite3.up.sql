CREATE TABLE "identities" ("id" TEXT PRIMARY KEY, "traits_schema_id" TEXT NOT NULL, "traits" TEXT NOT NULL) WITHOUT ROWID;
