-- migrate:up
CREATE TABLE members (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts(id),
  email text NOT NULL
);
CREATE INDEX members_account_id_idx ON members (account_id);

-- migrate:down
DROP INDEX members_account_id_idx;
DROP TABLE members;
