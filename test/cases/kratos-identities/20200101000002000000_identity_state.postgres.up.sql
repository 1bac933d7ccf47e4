SET lock_timeout = '2s';
ALTER TABLE "identities" ADD COLUMN "state" VARCHAR (255);
