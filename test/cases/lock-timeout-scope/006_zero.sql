SET lock_timeout = 0;
ALTER TABLE accounts ADD COLUMN phone text;
