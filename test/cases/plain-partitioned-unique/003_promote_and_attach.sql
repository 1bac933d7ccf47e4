SET lock_timeout = '2s';
ALTER TABLE events_2025 ADD CONSTRAINT events_2025_id_created_on_key UNIQUE USING INDEX events_2025_id_created_on_idx;
ALTER TABLE events_2026 ADD CONSTRAINT events_2026_id_created_on_key UNIQUE USING INDEX events_2026_id_created_on_idx;
-- every partition already has the key: the parent's constraint attaches their indexes, nothing is built
ALTER TABLE events ADD CONSTRAINT events_id_created_on_key UNIQUE (id, created_on);
