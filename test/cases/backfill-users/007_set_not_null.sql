SET lock_timeout = '3s';
ALTER TABLE users ALTER COLUMN normalized_email SET NOT NULL;
ALTER TABLE users DROP CONSTRAINT users_normalized_email_not_null;
