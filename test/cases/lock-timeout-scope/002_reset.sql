SET lock_timeout = '3s';
SET statement_timeout = '30s';
ALTER TABLE accounts ADD COLUMN nickname text;
RESET lock_timeout;
ALTER TABLE accounts ADD COLUMN avatar_url text;
