import { requireTableSchema } from './require-table-schema.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(requireTableSchema, {
  valid: [
    'CREATE TABLE app.orders (id bigint);',
    'ALTER TABLE app.orders ADD COLUMN note text;',
    'CREATE INDEX orders_note_idx ON app.orders (note);',
    'CREATE TEMP TABLE scratch (id bigint);',
    'DROP TABLE app.orders;',
    'SELECT * FROM orders;',
  ],
  invalid: [
    {
      sql: 'SET search_path TO billing;\nCREATE TABLE refunds (id bigint);\nDROP TABLE refunds;',
      errors: [{ line: 2, message: /Table refunds has no schema/ }, { line: 3, message: /Table refunds has no schema/ }],
      why: 'a schema that SET search_path supplies is still not written',
    },
    { sql: 'CREATE TABLE orders (id bigint);', errors: [{ line: 1, column: 14, message: 'Table orders has no schema; write it as <schema>.orders.' }] },
    { sql: 'CREATE INDEX i ON orders (a);\nALTER TABLE orders RENAME COLUMN a TO b;', errors: [{ line: 1, column: 19 }, { line: 2, column: 13 }] },
    { sql: 'DROP TABLE app.a, b;', errors: [{ message: /Table b / }] },
    { sql: 'CREATE VIEW v AS SELECT 1;', errors: [{ message: /Table v / }] },
  ],
});
