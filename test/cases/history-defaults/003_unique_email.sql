-- pgwarden:no-transaction
SET lock_timeout = '2s';
CREATE UNIQUE INDEX CONCURRENTLY users_email_uniq ON users (email);
