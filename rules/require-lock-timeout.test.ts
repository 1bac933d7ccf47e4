import { requireLockTimeout } from './require-lock-timeout.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(requireLockTimeout, {
  valid: [
    { sql: "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN last_seen_at timestamptz;", why: 'session-level lock_timeout first' },
    { sql: "BEGIN;\nSET LOCAL lock_timeout = '2s';\nALTER TABLE users ADD COLUMN note text;\nCOMMIT;", why: 'SET LOCAL in the same transaction' },
    { sql: "SELECT set_config('lock_timeout', '2s', false);\nDROP INDEX users_email_idx;", why: 'set_config' },
    {
      sql: 'CREATE TABLE api_tokens (id bigint, label text);\nALTER TABLE api_tokens ADD COLUMN scope text;\nCREATE INDEX api_tokens_label_idx ON api_tokens (label);',
      why: 'every statement targets a table created in the same file',
    },
    { sql: '-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);', why: 'CONCURRENTLY takes SHARE UPDATE EXCLUSIVE: no queue' },
    { sql: 'ALTER TABLE invoices VALIDATE CONSTRAINT invoices_account_fk;', why: 'VALIDATE takes SHARE UPDATE EXCLUSIVE' },
    { sql: "INSERT INTO users (email) VALUES ('a@example.com');\nUPDATE users SET name = 'x' WHERE id = 1;", why: 'plain DML' },
  ],
  invalid: [
    {
      sql: 'ALTER TABLE users ADD COLUMN last_seen_at timestamptz;\nALTER TABLE users ADD COLUMN locale text;',
      history: ['CREATE TABLE users (id bigint);'],
      errors: [{ line: 1, column: 1, message: 'This statement waits for an ACCESS EXCLUSIVE lock on users with no lock_timeout set: while it waits behind a long transaction, all reads and writes of users queue behind it.' }],
      why: 'one finding per file, on a table from an earlier migration',
    },
    {
      sql: "BEGIN;\nSET LOCAL lock_timeout = '2s';\nALTER TABLE users ADD COLUMN a text;\nCOMMIT;\nBEGIN;\nALTER TABLE users ADD COLUMN b text;\nCOMMIT;",
      errors: [{ line: 6, message: /ACCESS EXCLUSIVE lock on users/ }],
      why: 'SET LOCAL ended with the first transaction',
    },
    {
      sql: "SET lock_timeout = 0;\nCREATE INDEX users_email_idx ON users (email);",
      errors: [{ line: 2, message: /SHARE lock on users .*all writes of users/ }],
      why: 'lock_timeout = 0 disables the timeout',
    },
    {
      sql: 'CREATE TABLE orders (id bigint, customer_id bigint REFERENCES customers (id));',
      history: ['CREATE TABLE customers (id bigint PRIMARY KEY);'],
      errors: [{ message: /SHARE ROW EXCLUSIVE lock on customers/ }],
      why: 'a new table referencing an existing one locks the existing one',
    },
    {
      sql: "-- pgwarden:no-transaction\nSET LOCAL lock_timeout = '2s';\nDROP INDEX users_email_idx;",
      errors: 1,
      why: 'SET LOCAL outside a transaction block has no effect',
    },
  ],
});
