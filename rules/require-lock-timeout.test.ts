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
    {
      sql: 'ALTER TABLE events SET (fillfactor = 70);\nALTER TABLE events SET (autovacuum_vacuum_scale_factor = 0.01);\nALTER TABLE events ALTER COLUMN kind SET STATISTICS 1000;',
      history: ['CREATE TABLE events (id bigint, kind text);'],
      why: 'storage parameters and statistics take SHARE UPDATE EXCLUSIVE: no queue',
    },
    { sql: 'CREATE TABLE events_archive () INHERITS (events);', history: ['CREATE TABLE events (id bigint);'], why: 'INHERITS takes SHARE UPDATE EXCLUSIVE on the parent' },
    {
      sql: 'CREATE SEQUENCE public.accounts_id_seq;\nALTER TABLE public.accounts_id_seq OWNER TO app;',
      why: 'pg_dump style: a sequence created earlier in the same file',
    },
    {
      sql: "SET search_path TO billing;\nCREATE TABLE refunds (id bigint, payment_id bigint);\nALTER TABLE billing.refunds ADD COLUMN note text;",
      why: 'the table created under search_path billing is billing.refunds',
    },
  ],
  invalid: [
    {
      sql: "SET lock_timeout = '2s';\nALTER TABLE users ADD COLUMN subtitle text;\nRESET ALL;\nALTER TABLE users ADD COLUMN edition int;",
      errors: [{ line: 4 }],
      why: 'RESET ALL turns lock_timeout off again',
    },
    {
      sql: "CREATE TABLE measurements_2024_02 PARTITION OF measurements FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');",
      history: ['CREATE TABLE measurements (at date) PARTITION BY RANGE (at);'],
      errors: [{ line: 1, message: /ACCESS EXCLUSIVE lock on measurements / }],
      why: 'PARTITION OF locks the existing parent ACCESS EXCLUSIVE',
    },
    {
      sql: "SET search_path TO billing, public;\nALTER TABLE payments ADD COLUMN note text;",
      history: ['CREATE SCHEMA billing;\nCREATE TABLE billing.payments (id bigint);'],
      errors: [{ line: 2, message: /ACCESS EXCLUSIVE lock on billing\.payments/ }],
      why: 'an existing table reached through search_path',
    },
    {
      sql: 'ALTER TABLE events SET (fillfactor = 70, parallel_workers = 2, user_catalog_table = true);',
      history: ['CREATE TABLE events (id bigint);'],
      errors: [{ message: /ACCESS EXCLUSIVE lock on events/ }],
      why: 'user_catalog_table is not one of the light storage parameters',
    },
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
