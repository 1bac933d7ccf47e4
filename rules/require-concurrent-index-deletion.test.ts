import { requireConcurrentIndexDeletion } from './require-concurrent-index-deletion.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(requireConcurrentIndexDeletion, {
  valid: [
    { sql: '-- pgwarden:no-transaction\nDROP INDEX CONCURRENTLY users_email_idx;', why: 'concurrent drop' },
    { sql: 'DROP INDEX CONCURRENTLY IF EXISTS app.users_email_idx;', history: ['CREATE TABLE users (id bigint, email text);\nCREATE INDEX users_email_idx ON users (email);'], why: 'concurrent drop of an index from history' },
    {
      sql: 'CREATE TABLE users (id bigint, email text);\nCREATE INDEX users_email_idx ON users (email);\nDROP INDEX users_email_idx;',
      why: 'index of a table created in the same file',
    },
    { sql: 'DROP TABLE users;', why: 'not an index' },
    {
      sql: 'DROP INDEX IF EXISTS users_old_email_idx;',
      history: ['CREATE TABLE users (id bigint, email text);\nCREATE INDEX users_email_idx ON users (email);'],
      why: 'IF EXISTS of an index the replayed history never created: most likely a no-op cleanup',
    },
    {
      sql: 'DROP INDEX IF EXISTS users_email_idx;',
      history: ['CREATE TABLE users (id bigint, email text);\nCREATE INDEX users_email_idx ON users (email);\nDROP INDEX CONCURRENTLY users_email_idx;'],
      why: 'the index was dropped already',
    },
    {
      sql: "SET lock_timeout = '2s';\nDROP INDEX ev_id_idx;",
      history: ["CREATE TABLE ev (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE ev_1 PARTITION OF ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\nCREATE INDEX ev_id_idx ON ev (id);"],
      why: 'a partitioned index cannot be dropped concurrently: the plain DROP is the only way',
    },
  ],
  invalid: [
    {
      sql: '-- pgwarden:no-transaction\nDROP INDEX CONCURRENTLY ev_id_idx;',
      history: ["CREATE TABLE ev (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE ev_1 PARTITION OF ev FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');\nCREATE INDEX ev_id_idx ON ev (id);"],
      errors: [{ line: 2, message: /DROP INDEX CONCURRENTLY fails on ev_id_idx: it belongs to the partitioned table ev/, help: /without CONCURRENTLY, under a short lock_timeout/ }],
      why: 'PostgreSQL refuses it (checked against the server)',
    },
    {
      sql: 'DROP INDEX users_email_idx;',
      errors: [{ line: 1, column: 1, message: /Dropping index users_email_idx without CONCURRENTLY blocks reads and writes .*ACCESS EXCLUSIVE/ }],
    },
    {
      sql: 'SET lock_timeout = \'2s\';\nDROP INDEX IF EXISTS users_email_idx, users_name_idx;',
      history: ['CREATE TABLE users (id bigint, email text, name text);\nCREATE INDEX users_email_idx ON users (email);\nCREATE INDEX users_name_idx ON users (name);'],
      errors: [{ line: 2, message: /users_email_idx/ }, { line: 2, message: /users_name_idx/ }],
      why: 'indexes created by an earlier migration',
    },
    {
      sql: 'BEGIN;\nDROP INDEX app.widgets_owner_idx;\nCOMMIT;',
      errors: [{ line: 2, column: 1, message: /app\.widgets_owner_idx/ }],
      why: 'inside an explicit transaction',
    },
  ],
});
