-- migrate:up
SET lock_timeout = '2s';
-- rebuild ledger as a partition-ready table and swap it in under the same name
CREATE TABLE ledger_new (LIKE ledger INCLUDING ALL);
INSERT INTO ledger_new (account_id, cents) SELECT account_id, cents FROM ledger;
ALTER TABLE ledger RENAME TO ledger_old;
ALTER TABLE ledger_new RENAME TO ledger;

-- migrate:down
ALTER TABLE ledger RENAME TO ledger_new;
ALTER TABLE ledger_old RENAME TO ledger;
DROP TABLE ledger_new;
