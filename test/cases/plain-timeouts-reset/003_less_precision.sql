SET lock_timeout = '2s';
SET statement_timeout = '10min';
ALTER TABLE schedules ALTER COLUMN starts_at TYPE time(0);
