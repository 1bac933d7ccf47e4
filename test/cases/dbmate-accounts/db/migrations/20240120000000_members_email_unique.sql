-- migrate:up transaction:false
CREATE UNIQUE INDEX CONCURRENTLY members_email_key ON members (email);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY members_email_key;
