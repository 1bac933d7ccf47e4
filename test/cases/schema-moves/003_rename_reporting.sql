SET lock_timeout = '2s';
ALTER SCHEMA reporting RENAME TO analytics;
