CREATE TABLE "identity_credentials" (
"id" UUID NOT NULL,
PRIMARY KEY("id"),
"identity_id" UUID NOT NULL REFERENCES "identities" ("id") ON DELETE CASCADE,
"version" integer,
"config" jsonb NOT NULL
);
CREATE INDEX "identity_credentials_identity_id_idx" ON "identity_credentials" ("identity_id");
