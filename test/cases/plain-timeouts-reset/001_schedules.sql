CREATE TABLE schedules (
  id bigint PRIMARY KEY,
  starts_at time(0) NOT NULL,
  duration interval minute NOT NULL,
  slot_length interval(0)
);
