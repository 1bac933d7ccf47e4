import { redundantIndex } from './redundant-index.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

const orders = 'CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, created_at timestamptz, status text, email text);';

ruleTester(redundantIndex, {
  valid: [
    { sql: 'CREATE INDEX orders_customer_idx ON orders (customer_id, created_at);', history: [orders] },
    { sql: 'CREATE INDEX orders_created_idx ON orders (created_at);', history: [orders, 'CREATE INDEX a ON orders (customer_id, created_at);'], why: 'not a prefix' },
    { sql: 'CREATE UNIQUE INDEX orders_customer_uidx ON orders (customer_id);', history: [orders, 'CREATE INDEX a ON orders (customer_id, created_at);'], why: 'unique is not redundant to non-unique' },
    { sql: "CREATE INDEX orders_open_idx ON orders (customer_id) WHERE status = 'open';", history: [orders, 'CREATE INDEX a ON orders (customer_id, created_at);'], why: 'partial vs full' },
    { sql: 'CREATE INDEX orders_customer_hash ON orders USING hash (customer_id);', history: [orders, 'CREATE INDEX a ON orders (customer_id, created_at);'], why: 'different access method' },
    { sql: 'CREATE INDEX orders_email_lower ON orders (lower(email));', history: [orders, 'CREATE INDEX a ON orders (email);'], why: 'expression vs column' },
    { sql: 'CREATE INDEX orders_email_pattern ON orders (email text_pattern_ops);', history: [orders, 'CREATE INDEX a ON orders (email);'], why: 'different opclass' },
    { sql: 'CREATE INDEX orders_created_desc ON orders (created_at DESC);', history: [orders, 'CREATE INDEX a ON orders (created_at);'], why: 'different order' },
    { sql: 'CREATE INDEX orders_id_created ON orders (id, created_at);', history: [orders], why: 'primary key (id) is unique: not redundant' },
    { sql: 'CREATE INDEX b ON orders (customer_id, created_at);\nDROP INDEX a;', history: [orders, 'CREATE INDEX a ON orders (customer_id);'], why: 'the old index is dropped in the same file' },
    { sql: 'CREATE INDEX a ON orders (customer_id);', history: [orders, 'CREATE INDEX a2 ON other (customer_id, created_at);'], why: 'another table' },
    { sql: 'SELECT 1;', history: [orders, 'CREATE INDEX a ON orders (customer_id);', 'CREATE INDEX b ON orders (customer_id, created_at);'], why: 'both from earlier migrations: reported there' },
    { sql: 'CREATE INDEX c ON orders (customer_id) INCLUDE (status);', history: [orders, 'CREATE INDEX a ON orders (customer_id, created_at);'], why: 'INCLUDE columns the wider index lacks' },
    { sql: 'SELEC nothing;', history: [`${orders}\nCREATE INDEX a ON orders (customer_id);\nCREATE INDEX b ON orders (customer_id, created_at);`], why: 'a file without statements does not inherit the previous file’s findings' },
    { sql: 'CREATE INDEX g ON docs USING gin (body);', history: ['CREATE TABLE docs (body tsvector, title text);', 'CREATE INDEX g0 ON docs USING gin (body, title);'], why: 'prefixes only count for btree' },
  ],
  invalid: [
    {
      sql: 'CREATE INDEX orders_customer_idx ON orders (customer_id);',
      history: [orders, 'CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at);'],
      errors: [{ line: 1, column: 1, message: 'Index orders_customer_idx (customer_id) is redundant: orders_customer_created_idx (customer_id, created_at) starts with the same columns and serves the same lookups.' }],
    },
    {
      sql: 'CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at);',
      history: [orders, 'CREATE INDEX orders_customer_idx ON orders (customer_id);'],
      errors: [{ message: 'Index orders_customer_created_idx (customer_id, created_at) makes orders_customer_idx (customer_id) redundant: drop orders_customer_idx.' }],
    },
    {
      sql: 'CREATE INDEX ON orders (customer_id);',
      history: [orders, 'CREATE INDEX orders_customer_idx ON orders (customer_id);'],
      errors: [{ message: 'Index orders_customer_id_idx (customer_id) duplicates orders_customer_idx: one of them only slows writes.' }],
      why: 'a duplicate, with the name PostgreSQL generates',
    },
    { sql: 'CREATE INDEX orders_id_idx ON orders (id);', history: [orders], errors: [{ message: /duplicates orders_pkey/ }] },
    { sql: 'CREATE UNIQUE INDEX orders_email_key2 ON orders (email);', history: [orders, 'ALTER TABLE orders ADD CONSTRAINT orders_email_key UNIQUE (email);'], errors: [{ message: /duplicates orders_email_key/ }] },
    { sql: 'CREATE INDEX e ON orders (email);', history: [orders, 'ALTER TABLE orders ADD CONSTRAINT orders_email_key UNIQUE (email, status);'], errors: 1, why: 'a non-unique prefix of a unique constraint' },
    {
      sql: "CREATE INDEX p ON orders (customer_id) WHERE status = 'open';",
      history: [orders, "CREATE INDEX q ON orders (customer_id, created_at) WHERE status = 'open';"],
      errors: 1,
      why: 'same predicate',
    },
    { sql: 'CREATE INDEX l1 ON orders (lower(email));\nCREATE INDEX l2 ON orders (lower(email), id);', history: [orders], errors: [{ line: 2 }] },
    {
      sql: 'CREATE TABLE t (a int, b int);\nCREATE INDEX t_a ON t (a);\nCREATE INDEX t_ab ON t (a, b);',
      errors: [{ line: 3, message: /makes t_a \(a\) redundant/ }],
    },
    { sql: 'CREATE INDEX c ON orders (customer_id) INCLUDE (status);', history: [orders, 'CREATE INDEX a ON orders (customer_id, created_at) INCLUDE (status);'], errors: 1 },
    {
      sql: 'CREATE TABLE t (a int, b int, CONSTRAINT t_u1 UNIQUE (a, b), CONSTRAINT t_u2 UNIQUE (a, b));',
      errors: [{ message: /t_u2 \(a, b\) duplicates t_u1/ }],
      why: 'two identical constraints in one statement: reported once, the later one',
    },
    {
      sql: 'CREATE TABLE t (a int PRIMARY KEY UNIQUE);',
      errors: [{ message: /t_a_key \(a\) duplicates t_pkey/ }],
    },
  ],
});
