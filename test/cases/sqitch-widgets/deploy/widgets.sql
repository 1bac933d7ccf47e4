-- Deploy widgets:widgets to pg
BEGIN;
CREATE TABLE app.widgets (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  label varchar(50) NOT NULL,
  owner text NOT NULL
);
COMMIT;
