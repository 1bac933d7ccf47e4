CREATE INDEX "identities_traits_schema_id_idx" ON "identities" ("traits_schema_id");
