SET lock_timeout = '2s';
DROP INDEX CONCURRENTLY IF EXISTS members_legacy_email_idx;
