SET lock_timeout = '2s';
SET statement_timeout = '1min';
-- more precision keeps every stored value: no rewrite
ALTER TABLE schedules
  ALTER COLUMN starts_at TYPE time(3),
  ALTER COLUMN duration TYPE interval,
  ALTER COLUMN slot_length TYPE interval(3);
RESET ALL;
-- RESET ALL turned lock_timeout off again
ALTER TABLE schedules ADD COLUMN note text;
