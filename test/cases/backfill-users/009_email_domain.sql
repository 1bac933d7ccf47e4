SET lock_timeout = '3s';
ALTER TABLE users ADD COLUMN email_domain text;
UPDATE users SET email_domain = split_part(normalized_email, '@', 2);
