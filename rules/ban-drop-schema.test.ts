import { banDropSchema } from './ban-drop-schema.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banDropSchema, {
  valid: [
    'CREATE SCHEMA reporting;',
    'DROP TABLE IF EXISTS reporting_tmp;',
    'ALTER SCHEMA reporting RENAME TO reports;',
    { sql: 'CREATE SCHEMA scratch;\nDROP SCHEMA scratch CASCADE;', why: 'schema created in the same file' },
    { sql: 'CREATE SCHEMA IF NOT EXISTS scratch;\nCREATE TABLE scratch.t (id bigint);\nDROP SCHEMA scratch CASCADE;', why: 'IF NOT EXISTS, and nothing older lives in it' },
  ],
  invalid: [
    { sql: 'DROP SCHEMA reporting CASCADE;', errors: [{ line: 1, column: 1, message: /reporting with CASCADE/ }] },
    {
      sql: 'CREATE SCHEMA IF NOT EXISTS staging;\nDROP SCHEMA staging CASCADE;',
      history: ['CREATE SCHEMA staging;\nCREATE TABLE staging.imports (id bigint);'],
      errors: [{ line: 2 }],
      why: 'IF NOT EXISTS created nothing: the schema holds tables of an earlier migration',
    },
    { sql: 'DROP SCHEMA IF EXISTS reporting;', errors: [{ message: /Dropping schema reporting breaks/ }] },
    { sql: 'SELECT 1;\nDROP SCHEMA a, b;', errors: [{ line: 2, message: / a / }, { line: 2, message: / b / }] },
  ],
});
