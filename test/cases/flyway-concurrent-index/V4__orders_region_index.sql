SET lock_timeout = '2s';
REINDEX INDEX CONCURRENTLY orders_status_idx;
