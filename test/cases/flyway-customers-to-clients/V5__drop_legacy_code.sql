SET lock_timeout = '2s';
ALTER TABLE clients DROP COLUMN legacy_code;
