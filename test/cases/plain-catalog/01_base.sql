CREATE TABLE people (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  name varchar(100) NOT NULL,
  team text
);
CREATE INDEX people_team_email_idx ON people (team, email);
CREATE TABLE legacy_people (id bigint NOT NULL, email text);
CREATE TABLE bookings (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, room int8 NOT NULL, during tstzrange NOT NULL);
CREATE TABLE measurements (taken_at timestamptz NOT NULL, value float8) PARTITION BY RANGE (taken_at);
CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
