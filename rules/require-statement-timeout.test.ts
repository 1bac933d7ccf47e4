import { requireStatementTimeout } from './require-statement-timeout.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(requireStatementTimeout, {
  valid: [
    { sql: "SET statement_timeout = '5min';\nCREATE INDEX users_email_idx ON users (email);", why: 'statement_timeout set first' },
    { sql: "BEGIN;\nSET LOCAL statement_timeout = '1min';\nALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0);\nCOMMIT;", why: 'SET LOCAL in the same transaction' },
    { sql: 'CREATE TABLE orders (id bigint, total numeric);\nALTER TABLE orders ADD CONSTRAINT c CHECK (total > 0);\nCREATE INDEX ON orders (total);', why: 'table created in the same file' },
    { sql: '-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);', why: 'concurrent build blocks nobody' },
    { sql: 'ALTER TABLE orders VALIDATE CONSTRAINT c;', history: ['CREATE TABLE orders (id bigint, total numeric);'], why: 'VALIDATE does not block traffic' },
    { sql: "ALTER TABLE users ADD COLUMN last_seen_at timestamptz DEFAULT now();", why: 'a stable default does not rewrite' },
    { sql: "ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_uniq;", why: 'USING INDEX builds nothing' },
  ],
  invalid: [
    {
      sql: "SET lock_timeout = '2s';\nALTER TABLE contacts ADD COLUMN backup email_address;",
      history: ["CREATE TABLE contacts (id bigint);\nCREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%@%');"],
      errors: [{ line: 2, message: /rewrites contacts/ }],
      why: 'a column of a constrained domain rewrites the table to check every row',
    },
    {
      sql: "SET lock_timeout = '2s';\nCREATE INDEX users_email_idx ON users (email);\nCREATE INDEX users_name_idx ON users (name);",
      history: ['CREATE TABLE users (id bigint, email text, name text);'],
      errors: [{ line: 2, column: 33, message: 'This statement builds an index on users while holding a SHARE lock, with no statement_timeout set: writes of users are blocked for as long as it runs.' }],
      why: 'one finding per file',
    },
    {
      sql: 'ALTER TABLE users ADD COLUMN api_key uuid DEFAULT gen_random_uuid();',
      errors: [{ message: /rewrites users .*ACCESS EXCLUSIVE/ }],
      why: 'volatile default rewrites',
    },
    {
      sql: 'SET statement_timeout = 0;\nALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE (code);',
      errors: [{ line: 2, message: /builds an index on orders/ }],
      why: 'statement_timeout = 0 disables it',
    },
    {
      sql: '-- pgwarden:no-transaction\nVACUUM FULL events;',
      errors: [{ message: /rewrites events/ }],
    },
  ],
});
