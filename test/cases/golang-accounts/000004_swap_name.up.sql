SET lock_timeout = '2s';
ALTER TABLE accounts ADD COLUMN full_name text;
UPDATE accounts SET full_name = display_name;
ALTER TABLE accounts DROP COLUMN display_name;
