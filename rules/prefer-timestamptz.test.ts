import { preferTimestamptz } from './prefer-timestamptz.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(preferTimestamptz, {
  valid: [
    { sql: 'CREATE TEMPORARY TABLE import_rows (seen_at timestamp);', why: 'a temporary table lives for one session' },
    'CREATE TABLE t (created_at timestamptz NOT NULL DEFAULT now());',
    'CREATE TABLE t (created_at timestamp with time zone);',
    'ALTER TABLE t ADD COLUMN d date;',
    'ALTER TABLE t ALTER COLUMN created_at TYPE timestamptz;',
    "SELECT now()::timestamp;",
  ],
  invalid: [
    { sql: 'CREATE TABLE t (created_at timestamp);', errors: [{ line: 1, column: 28, message: 't.created_at is timestamp without time zone; use timestamptz.' }] },
    { sql: 'ALTER TABLE t ADD COLUMN seen_at timestamp(3) without time zone;', errors: [{ message: /t\.seen_at/ }] },
    { sql: 'ALTER TABLE app.t ALTER COLUMN at TYPE timestamp;', errors: [{ message: /app\.t\.at/ }] },
  ],
});
