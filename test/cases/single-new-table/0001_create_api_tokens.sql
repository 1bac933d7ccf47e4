-- Everything here touches a table created in this very migration: nobody else can be waiting on it.
SET lock_timeout = '2s';
SET statement_timeout = '5min';

CREATE TABLE api_tokens (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_id bigint NOT NULL,
  label text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE api_tokens ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();
ALTER TABLE api_tokens ADD COLUMN scope text NOT NULL;
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_label_len CHECK (char_length(label) <= 200);
ALTER TABLE api_tokens ADD CONSTRAINT api_tokens_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);
CREATE INDEX api_tokens_account_id_idx ON api_tokens (account_id);
CREATE UNIQUE INDEX api_tokens_token_key ON api_tokens (token);
ALTER TABLE api_tokens ALTER COLUMN label SET NOT NULL;
ALTER TABLE api_tokens RENAME COLUMN scope TO scopes;
