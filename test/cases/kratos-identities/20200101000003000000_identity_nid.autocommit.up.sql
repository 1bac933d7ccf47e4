SET lock_timeout = '2s';
ALTER TABLE "identities" ADD COLUMN "nid" UUID;
UPDATE "identity_credentials" SET "version" = 1 WHERE "version" IS NULL;
