import { preferTextField } from './prefer-text-field.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(preferTextField, {
  valid: [
    {
      sql: 'ALTER TABLE "Users" ALTER COLUMN "email" TYPE VARCHAR(255);',
      history: ['CREATE TABLE "Users" ("id" bigint, "email" VARCHAR(255));'],
      why: 'restates the type the column has (Sequelize changeColumn): warned once, when it got it',
    },
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
    { sql: 'ALTER TABLE t ALTER COLUMN code TYPE varchar(255);', history: ['CREATE TABLE t (code varchar(100));'], errors: [{ message: /t\.code is varchar\(255\)/ }], why: 'a new length is a new choice of type' },
  ],
});
