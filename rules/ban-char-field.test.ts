import { banCharField } from './ban-char-field.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banCharField, {
  valid: [
    'CREATE TABLE t (code text CHECK (char_length(code) = 2));',
    'CREATE TABLE t (flag "char");',
    'ALTER TABLE t ADD COLUMN name varchar;',
    "SELECT 'x'::char(3);",
  ],
  invalid: [
    { sql: 'CREATE TABLE t (code char(2));', errors: [{ line: 1, column: 22, message: 't.code is char(2); use text (with a CHECK constraint if the length matters).' }] },
    { sql: 'ALTER TABLE t ADD COLUMN c character;', errors: [{ message: /t\.c is char/ }] },
    { sql: 'ALTER TABLE app.t ALTER COLUMN code TYPE character(3);', errors: [{ message: /app\.t\.code is char\(3\)/ }] },
  ],
});
