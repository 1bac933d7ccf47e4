-- migrate:up
CREATE TABLE accounts (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email text NOT NULL,
  tags text[] NOT NULL DEFAULT '{}',
  flags boolean[] NOT NULL DEFAULT '{false,false}'
);
CREATE TABLE ledger (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, account_id bigint NOT NULL, cents bigint NOT NULL);

-- migrate:down
DROP TABLE ledger;
DROP TABLE accounts;
