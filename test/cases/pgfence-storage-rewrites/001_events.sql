CREATE UNLOGGED TABLE import_rows (id bigint PRIMARY KEY, payload jsonb);
CREATE TABLE events (id bigint PRIMARY KEY, at timestamptz NOT NULL, payload jsonb);
CREATE TABLE metrics (id bigint, at date) PARTITION BY RANGE (at);
