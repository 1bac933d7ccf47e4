import { requireConcurrentIndexCreation } from './require-concurrent-index-creation.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(requireConcurrentIndexCreation, {
  valid: [
    { sql: '-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);', why: 'concurrent build in a no-transaction file' },
    { sql: 'CREATE TABLE users (id bigint, email text);\nCREATE INDEX users_email_idx ON users (email);', why: 'table created earlier in the same file' },
    {
      sql: 'BEGIN;\nCREATE TABLE app.users (id bigint, email text);\nCOMMIT;\nBEGIN;\nCREATE UNIQUE INDEX users_email_key ON app.users (email);\nCOMMIT;',
      why: 'table created in an earlier transaction of the same file',
    },
    { sql: 'CREATE INDEX events_created_at_idx ON ONLY events (created_at);', why: 'ON ONLY a partitioned parent builds nothing' },
    {
      sql: 'CREATE MATERIALIZED VIEW monthly_sales AS SELECT 1 AS month;\nCREATE UNIQUE INDEX monthly_sales_month_idx ON monthly_sales (month);',
      history: ['CREATE TABLE sales (id bigint);'],
      why: 'materialized view created earlier in the same file',
    },
    {
      sql: 'SET search_path TO billing;\nCREATE TABLE refunds (id bigint, payment_id bigint);\nCREATE INDEX refunds_payment_id_idx ON billing.refunds (payment_id);',
      why: 'created as `refunds` under search_path billing: the same table',
    },
    {
      sql: "SELECT pg_catalog.set_config('search_path', 'billing', false);\nCREATE TABLE billing.refunds (id bigint);\nCREATE INDEX ON refunds (id);",
      why: 'set_config moves unqualified names to billing',
    },
    { sql: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);', history: ['CREATE TABLE users (id bigint, email text);'], why: 'concurrent build on a table from history' },
    {
      sql: "-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY ev_1_at_idx ON ev_1 (at);",
      history: ["CREATE TABLE ev (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE ev_1 PARTITION OF ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\nCREATE INDEX ev_id_idx ON ev (id);"],
      why: 'a partition is a plain table: CONCURRENTLY works there',
    },
  ],
  invalid: [
    {
      sql: '-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY ev_at_idx ON ev (at);',
      history: ["CREATE TABLE ev (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE ev_1 PARTITION OF ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\nCREATE INDEX ev_id_idx ON ev (id);"],
      errors: [{ line: 2, message: 'CREATE INDEX CONCURRENTLY fails on ev: PostgreSQL cannot build an index on a partitioned table concurrently.', help: /ON ONLY the parent/ }],
      why: 'PostgreSQL refuses CONCURRENTLY on a partitioned table (checked against the server)',
    },
    {
      sql: 'CREATE INDEX users_email_idx ON users (email);',
      errors: [{ line: 1, column: 1, message: 'Creating index users_email_idx on users without CONCURRENTLY blocks writes to users (SHARE lock) for the whole build.' }],
    },
    {
      sql: 'SET lock_timeout = \'2s\';\nCREATE UNIQUE INDEX ON app.widgets (owner);',
      history: ['CREATE SCHEMA app;', 'CREATE TABLE app.widgets (id bigint, owner text);'],
      errors: [{ line: 2, column: 1, message: /unique index on app\.widgets .*SHARE lock/ }],
      why: 'table created in an earlier migration is an existing table',
    },
    {
      sql: 'CREATE TABLE orders (id bigint);\nCREATE INDEX orders_id_idx ON orders (id);\nCREATE INDEX users_name_idx ON users (name);',
      errors: [{ line: 3, message: /users_name_idx on users/ }],
      why: 'only the index on the table not created in this file',
    },
    {
      sql: 'CREATE INDEX events_at_idx ON events (at);',
      history: ["CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE events_2019 PARTITION OF events FOR VALUES FROM ('2019-01-01') TO ('2020-01-01');"],
      errors: [{ line: 1, message: 'Creating index events_at_idx on partitioned table events blocks writes to every partition (SHARE lock) while each partition\'s index is built.' }],
      why: 'a partitioned parent from history: CONCURRENTLY is refused there, the message says so',
    },
    {
      sql: 'BEGIN;\nCREATE INDEX docs_body_idx ON docs USING gin (to_tsvector(\'english\', body));\nCOMMIT;',
      history: ['CREATE TABLE docs (id bigint, body text);'],
      errors: [{ line: 2, column: 1, message: /docs_body_idx on docs/ }],
      why: 'explicit transaction on a table from history',
    },
    {
      sql: 'SET search_path TO billing;\nCREATE INDEX payments_paid_at_idx ON payments (paid_at);',
      history: ['CREATE SCHEMA billing;\nCREATE TABLE billing.payments (id bigint, paid_at timestamptz);'],
      errors: [{ line: 2, message: /payments_paid_at_idx on billing\.payments/ }],
      why: 'search_path resolves the name to a table from an earlier migration',
    },
    {
      sql: 'CREATE INDEX monthly_sales_region_idx ON monthly_sales (region);',
      history: ['CREATE TABLE sales (region text);\nCREATE MATERIALIZED VIEW monthly_sales AS SELECT region FROM sales;'],
      errors: [{ line: 1, message: /monthly_sales_region_idx on monthly_sales/ }],
      why: 'a materialized view from an earlier migration is existing',
    },
  ],
});
