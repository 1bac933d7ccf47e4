-- Accounts of the people who use the application.
CREATE TABLE users (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- The table is new and empty, so a plain index takes no lock anyone waits on.
CREATE UNIQUE INDEX users_email_key ON users (lower(email));
