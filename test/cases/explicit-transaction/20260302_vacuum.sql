-- pgwarden:no-transaction
VACUUM FULL events;
