import { preferRobustStmts } from './prefer-robust-stmts.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

const noTx = '-- pgwarden:no-transaction\n';

ruleTester(preferRobustStmts, {
  valid: [
    { sql: 'CREATE TABLE t (id bigint);\nALTER TABLE t DROP COLUMN a;', why: 'inside the runner transaction, a failure rolls back' },
    noTx + 'CREATE TABLE IF NOT EXISTS t (id bigint);',
    { sql: noTx + 'CREATE TEMP TABLE batch_ids (id bigint);\nCREATE EXTENSION IF NOT EXISTS pg_trgm;', why: 'a temporary table does not outlive the failed run' },
    noTx + 'CREATE INDEX CONCURRENTLY IF NOT EXISTS t_a_idx ON t (a);',
    noTx + 'ALTER TABLE t ADD COLUMN IF NOT EXISTS a text, DROP COLUMN IF EXISTS b;',
    noTx + 'ALTER TABLE t DROP CONSTRAINT IF EXISTS c;\nALTER TABLE t ADD CONSTRAINT c CHECK (a > 0);',
    { sql: 'BEGIN;\nCREATE TABLE t (id bigint);\nCOMMIT;', why: 'explicit transaction' },
    noTx + 'DROP INDEX CONCURRENTLY IF EXISTS t_a_idx;',
  ],
  invalid: [
    { sql: noTx + 'CREATE EXTENSION pg_trgm;', errors: [{ line: 2, message: /CREATE EXTENSION pg_trgm fails if re-run/ }] },
    { sql: noTx + 'CREATE INDEX CONCURRENTLY t_a_idx ON t (a);', errors: [{ line: 2, column: 1, message: /CREATE INDEX t_a_idx fails if re-run/ }] },
    { sql: noTx + 'CREATE TABLE t (id bigint);\nDROP TABLE u;', errors: [{ line: 2, message: /CREATE TABLE t/ }, { line: 3, message: /DROP fails/ }] },
    { sql: noTx + 'ALTER TABLE t ADD COLUMN a text, DROP CONSTRAINT c;', errors: [{ message: /ADD COLUMN a on t/ }, { message: /DROP CONSTRAINT c on t/ }] },
    { sql: noTx + 'ALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;', errors: [{ line: 2, column: 19, message: /ADD CONSTRAINT c/ }] },
    { sql: 'CREATE TABLE t (id bigint);', transaction: 'per-statement', errors: 1, why: 'per-statement assumption' },
    {
      sql: noTx + 'ALTER TABLE t DROP CONSTRAINT IF EXISTS c;\nALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;\nALTER TABLE t ADD CONSTRAINT c CHECK (a > 1) NOT VALID;',
      errors: [{ line: 4, message: /ADD CONSTRAINT c on t/ }],
      why: 'one DROP CONSTRAINT IF EXISTS guards only the next ADD of that name',
    },
    {
      sql: noTx + 'ALTER TABLE u DROP CONSTRAINT IF EXISTS c;\nALTER TABLE t ADD CONSTRAINT c CHECK (a > 0) NOT VALID;',
      errors: [{ line: 3 }],
      why: 'a drop on another table guards nothing',
    },
  ],
});
