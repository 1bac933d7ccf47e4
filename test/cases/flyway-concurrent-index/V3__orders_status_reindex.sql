-- Flyway does not recognise REINDEX … CONCURRENTLY as non-transactional: the script runs in a transaction
SET lock_timeout = '2s';
REINDEX INDEX CONCURRENTLY orders_status_idx;
