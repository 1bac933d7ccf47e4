import { banDropSchema } from './ban-drop-schema.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banDropSchema, {
  valid: [
    'CREATE SCHEMA reporting;',
    'DROP TABLE IF EXISTS reporting_tmp;',
    'ALTER SCHEMA reporting RENAME TO reports;',
    { sql: 'CREATE SCHEMA scratch;\nDROP SCHEMA scratch CASCADE;', why: 'schema created in the same file' },
  ],
  invalid: [
    { sql: 'DROP SCHEMA reporting CASCADE;', errors: [{ line: 1, column: 1, message: /reporting with CASCADE/ }] },
    { sql: 'DROP SCHEMA IF EXISTS reporting;', errors: [{ message: /Dropping schema reporting breaks/ }] },
    { sql: 'SELECT 1;\nDROP SCHEMA a, b;', errors: [{ line: 2, message: / a / }, { line: 2, message: / b / }] },
  ],
});
