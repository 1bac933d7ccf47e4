SET lock_timeout = '2s';
ALTER TABLE contacts ADD COLUMN department label DEFAULT 'none';
