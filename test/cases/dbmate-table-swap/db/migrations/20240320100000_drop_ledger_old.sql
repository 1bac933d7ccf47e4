-- migrate:up
SET lock_timeout = '2s';
DROP TABLE ledger_old;

-- migrate:down
CREATE TABLE ledger_old (LIKE ledger INCLUDING ALL);
