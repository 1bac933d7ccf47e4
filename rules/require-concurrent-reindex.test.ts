import { requireConcurrentReindex } from './require-concurrent-reindex.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(requireConcurrentReindex, {
  valid: [
    { sql: '-- pgwarden:no-transaction\nREINDEX TABLE CONCURRENTLY users;', why: 'concurrent rebuild' },
    { sql: '-- pgwarden:no-transaction\nREINDEX (VERBOSE) INDEX CONCURRENTLY users_email_idx;', why: 'concurrent index rebuild with options' },
    { sql: 'CREATE TABLE users (id bigint, email text);\nCREATE INDEX users_email_idx ON users (email);\nREINDEX INDEX users_email_idx;\nREINDEX TABLE users;', why: 'table created in the same file' },
    { sql: 'REINDEX TABLE users;', pgVersion: 11, why: 'no CONCURRENTLY before PostgreSQL 12' },
    { sql: 'REINDEX SYSTEM;', why: 'system catalogs have no concurrent form' },
    { sql: '-- pgwarden:no-transaction\nREINDEX (CONCURRENTLY true) TABLE users;', why: 'CONCURRENTLY true is the concurrent form' },
    { sql: '-- pgwarden:no-transaction\nREINDEX (CONCURRENTLY) INDEX users_email_idx;', why: 'an option without a value is true' },
  ],
  invalid: [
    {
      sql: "SET lock_timeout = '2s';\nREINDEX TABLE users;",
      history: ['CREATE TABLE users (id bigint, email text);'],
      errors: [{ line: 2, column: 1, message: 'Reindexing table users without CONCURRENTLY blocks writes to users (SHARE lock), and reads that use its indexes, until every index is rebuilt.' }],
    },
    {
      sql: 'REINDEX INDEX users_email_idx;',
      history: ['CREATE TABLE users (id bigint, email text);\nCREATE INDEX users_email_idx ON users (email);'],
      errors: [{ message: /Reindexing users_email_idx without CONCURRENTLY blocks writes to/ }],
      why: 'index from an earlier migration',
    },
    {
      sql: "SET lock_timeout = '2s';\nREINDEX (CONCURRENTLY false) TABLE users;",
      history: ['CREATE TABLE users (id bigint, email text);'],
      errors: [{ line: 2, message: /^Reindexing table users without CONCURRENTLY/ }],
      why: 'CONCURRENTLY false is a plain, blocking REINDEX (PostgreSQL 15 runs it inside a transaction block)',
    },
    {
      sql: "SET lock_timeout = '2s';\nREINDEX (VERBOSE, CONCURRENTLY off) INDEX users_email_idx;",
      history: ['CREATE TABLE users (id bigint, email text);\nCREATE INDEX users_email_idx ON users (email);'],
      errors: 1,
      why: 'off is false too',
    },
    {
      sql: 'REINDEX SCHEMA app;',
      errors: [{ message: /schema app .*each of its tables/ }],
    },
  ],
});
