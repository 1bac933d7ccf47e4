CREATE TABLE events (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL,
  payload jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE events_archive (LIKE events INCLUDING ALL);
CREATE TABLE legacy_imports (id bigint PRIMARY KEY, raw text);
