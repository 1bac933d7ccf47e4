ALTER TABLE customers DROP COLUMN locale, DROP COLUMN newsletter;
