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
    { sql: 'CREATE INDEX CONCURRENTLY users_email_idx ON users (email);', history: ['CREATE TABLE users (id bigint, email text);'], why: 'concurrent build on a table from history' },
  ],
  invalid: [
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
  ],
});
