import { backfillInDdlTransaction } from './backfill-in-ddl-transaction.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

const accounts = 'CREATE TABLE accounts (id bigint PRIMARY KEY, display_name text, full_name text, email text);';

ruleTester(backfillInDdlTransaction, {
  valid: [
    {
      sql: "SET lock_timeout = '2s';\nALTER TABLE accounts ADD COLUMN nick text;\nDO $$\nDECLARE n integer;\nBEGIN\n  LOOP\n    UPDATE accounts SET nick = display_name WHERE id IN (SELECT id FROM accounts WHERE nick IS NULL LIMIT 1000);\n    GET DIAGNOSTICS n = ROW_COUNT;\n    EXIT WHEN n = 0;\n    COMMIT;\n  END LOOP;\nEND $$;",
      history: [accounts],
      why: 'a DO block that commits cannot run in a transaction, so the file runs without one and the ADD COLUMN lock ends at once',
    },
    {
      sql: "ALTER TABLE settings ADD COLUMN description text;\nUPDATE settings SET description = 'Site name' WHERE key = 'site_name';\nUPDATE settings SET description = 'x' WHERE id IN (1, 2) AND value IS NOT NULL;\nDELETE FROM settings WHERE id = 7 OR id = 8;",
      history: ['CREATE TABLE settings (id bigint PRIMARY KEY, key text UNIQUE NOT NULL, value text);'],
      why: 'a WHERE that pins a unique key touches a few rows: a data fix, not a backfill',
    },
    {
      sql: "ALTER TABLE settings ADD COLUMN description text;\nINSERT INTO settings (id, key, value) SELECT 10, 'theme', 'dark';",
      history: ['CREATE TABLE settings (id bigint PRIMARY KEY, key text UNIQUE NOT NULL, value text);'],
      why: 'INSERT … SELECT of constants is one row',
    },
    { sql: "UPDATE accounts SET full_name = display_name WHERE full_name IS NULL;", history: [accounts], why: 'no DDL in the transaction' },
    { sql: 'ALTER TABLE accounts ADD COLUMN nick text;', history: [accounts] },
    {
      sql: 'CREATE TABLE accounts (id bigint, a text, b text);\nALTER TABLE accounts ADD COLUMN c text;\nUPDATE accounts SET c = a;',
      why: 'table created in the same file',
    },
    {
      sql: 'ALTER TABLE accounts ADD COLUMN nick text;\nUPDATE profiles SET bio = NULL WHERE id = 1;',
      history: [accounts],
      why: 'another table (lock-held-across-statements covers that)',
    },
    {
      sql: "-- pgwarden:no-transaction\nALTER TABLE accounts ADD COLUMN nick text;\nUPDATE accounts SET nick = display_name;",
      history: [accounts],
      why: 'each statement commits on its own',
    },
    {
      sql: 'BEGIN;\nALTER TABLE accounts ADD COLUMN nick text;\nCOMMIT;\nUPDATE accounts SET nick = display_name;',
      history: [accounts],
      why: 'the DDL transaction committed first',
    },
    {
      sql: "ALTER TABLE accounts ADD COLUMN nick text;\nINSERT INTO accounts (id, email) VALUES (1, 'a@b.c');",
      history: [accounts],
      why: 'INSERT … VALUES is not a backfill',
    },
    {
      sql: 'ALTER TABLE accounts VALIDATE CONSTRAINT accounts_email_check;\nUPDATE accounts SET email = lower(email);',
      history: [accounts],
      why: 'SHARE UPDATE EXCLUSIVE does not block writes',
    },
    {
      sql: 'ALTER TABLE accounts ADD COLUMN nick text;\nUPDATE accounts SET nick = display_name;',
      history: [accounts],
      transaction: 'per-statement',
      why: 'configured for runners that autocommit each statement',
    },
    {
      sql: 'CREATE VIEW v AS SELECT * FROM accounts;\nCREATE RULE v_upd AS ON UPDATE TO v DO INSTEAD NOTHING;\nUPDATE v SET email = NULL;',
      history: [accounts],
      why: 'a view created in the same file',
    },
  ],
  invalid: [
    {
      sql: "BEGIN;\nUPDATE settings SET value = 'y' WHERE value IS NULL;\nCOMMIT AND CHAIN;\nALTER TABLE settings ADD COLUMN description text;\nUPDATE settings SET description = value WHERE value = 'x';\nCOMMIT;",
      history: ['CREATE TABLE settings (id bigint PRIMARY KEY, key text UNIQUE NOT NULL, value text);'],
      errors: [{ line: 5, message: /UPDATE on settings/ }],
      why: 'the transaction COMMIT AND CHAIN opens holds the ADD COLUMN lock through the backfill',
    },
    {
      sql: "ALTER TABLE settings ADD COLUMN description text;\nUPDATE settings SET description = value WHERE value = 'x';\nINSERT INTO settings (id, key) SELECT g, 'k' || g FROM generate_series(100, 100000) g;",
      history: ['CREATE TABLE settings (id bigint PRIMARY KEY, key text UNIQUE NOT NULL, value text);'],
      errors: [{ line: 2, message: /UPDATE on settings/ }, { line: 3, message: /INSERT … SELECT on settings/ }],
      why: 'a non-unique column pins nothing; a generated series is a bulk insert',
    },
    {
      sql: "SET lock_timeout = '2s';\nALTER TABLE accounts ADD COLUMN full_name2 text;\nUPDATE accounts SET full_name2 = display_name;\nALTER TABLE accounts DROP COLUMN display_name;",
      history: [accounts],
      errors: [{ line: 3, column: 1, message: 'UPDATE on accounts runs in the transaction that locked it ACCESS EXCLUSIVE (ADD COLUMN, line 2): the lock is held until the backfill commits.' }],
    },
    {
      sql: 'ALTER TABLE accounts ADD COLUMN nick text;\nUPDATE accounts SET nick = display_name;',
      errors: 1,
      why: 'a table unknown to the history is an existing table',
    },
    {
      sql: 'CREATE INDEX accounts_email_idx ON accounts (email);\nDELETE FROM accounts WHERE email IS NULL;',
      history: [accounts],
      errors: [{ message: /DELETE on accounts .* SHARE \(CREATE INDEX, line 1\)/ }],
    },
    {
      sql: 'ALTER TABLE accounts ADD COLUMN nick text;\nINSERT INTO accounts (id, nick) SELECT id + 1000, display_name FROM accounts;',
      history: [accounts],
      errors: [{ message: /INSERT … SELECT on accounts/ }],
    },
    {
      sql: 'BEGIN;\nALTER TABLE app.accounts RENAME COLUMN email TO mail;\nUPDATE app.accounts SET mail = lower(mail);\nCOMMIT;',
      errors: [{ line: 3, message: /app\.accounts/ }],
    },
    {
      sql: 'ALTER TABLE accounts ADD COLUMN a text;\nUPDATE accounts SET a = email;\nUPDATE accounts SET a = lower(a) WHERE a IS NOT NULL;',
      history: [accounts],
      errors: 2,
    },
  ],
});
