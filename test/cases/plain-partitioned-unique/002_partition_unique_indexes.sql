-- pgwarden:no-transaction
SET lock_timeout = '2s';
CREATE UNIQUE INDEX CONCURRENTLY events_2025_id_created_on_idx ON events_2025 (id, created_on);
CREATE UNIQUE INDEX CONCURRENTLY events_2026_id_created_on_idx ON events_2026 (id, created_on);
