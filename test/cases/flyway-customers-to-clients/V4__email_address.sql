SET lock_timeout = '2s';
ALTER TABLE clients ADD COLUMN email_address text;
UPDATE clients SET email_address = email WHERE email_address IS NULL;
ALTER TABLE clients
  ALTER COLUMN email_address SET DEFAULT '',
  DROP COLUMN email;
