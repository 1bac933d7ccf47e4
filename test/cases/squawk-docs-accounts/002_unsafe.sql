SET lock_timeout = '2s';
ALTER TABLE "account" ADD COLUMN "ab_group" integer DEFAULT random();
ALTER TABLE "account" ADD CONSTRAINT "positive_balance" CHECK ("balance" >= 0);
ALTER TABLE items ADD PRIMARY KEY (id);
