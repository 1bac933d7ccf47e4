import { preferTextField } from './prefer-text-field.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(preferTextField, {
  valid: [
    'CREATE TABLE t (name text);',
    'CREATE TABLE t (name varchar);',
    'ALTER TABLE t ADD COLUMN note character varying;',
    'CREATE TABLE t (name text CHECK (char_length(name) <= 100));',
  ],
  invalid: [
    { sql: 'CREATE TABLE t (name varchar(100));', errors: [{ line: 1, column: 22, message: 't.name is varchar(100); use text with a CHECK constraint on its length instead.' }] },
    { sql: 'ALTER TABLE t ADD COLUMN note character varying(20);', errors: [{ message: /t\.note is varchar\(20\)/ }] },
    { sql: 'ALTER TABLE app.t ALTER COLUMN code TYPE varchar(5);', errors: [{ message: /app\.t\.code/ }] },
    { sql: 'CREATE TABLE t (tags varchar(10)[]);', errors: [{ message: /varchar\(10\)\[\]/ }] },
  ],
});
