SET lock_timeout = '2s';
ALTER TABLE customers ADD COLUMN locale text DEFAULT 'en' NOT NULL;
ALTER TABLE customers ALTER COLUMN locale DROP DEFAULT;
ALTER TABLE customers ADD COLUMN newsletter boolean DEFAULT false NOT NULL;
