SET lock_timeout = '5s';
ALTER SCHEMA public RENAME TO app;
