CREATE TABLE events (
  id bigint NOT NULL,
  ref text,
  created_on date NOT NULL,
  payload jsonb
) PARTITION BY RANGE (created_on);
CREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
