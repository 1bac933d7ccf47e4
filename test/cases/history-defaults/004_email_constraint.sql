SET lock_timeout = '2s';
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_uniq;
ALTER TABLE users ADD CONSTRAINT users_name_key UNIQUE (name);
