SET SESSION lock_timeout TO '4s';
ALTER TABLE accounts ADD COLUMN time_zone text;
SET lock_timeout TO DEFAULT;
ALTER TABLE accounts ADD COLUMN theme text;
