import { addingNotNullableField } from './adding-not-nullable-field.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

const users = 'CREATE TABLE users (id bigint PRIMARY KEY, email text, name text NOT NULL);';

ruleTester(addingNotNullableField, {
  valid: [
    { sql: 'CREATE TABLE users (id bigint, email text);\nALTER TABLE users ALTER COLUMN email SET NOT NULL;', why: 'new table in the same file' },
    { sql: 'ALTER TABLE users ALTER COLUMN name SET NOT NULL;', history: [users], why: 'already NOT NULL' },
    {
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: [users, 'ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;', 'ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;'],
      why: 'validated CHECK in earlier migrations (PG 12+)',
    },
    {
      sql: 'ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: [users, 'ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;'],
      why: 'validated by an earlier statement of the same file',
    },
    {
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: [users, "ALTER TABLE users ADD CONSTRAINT users_email_ok CHECK (email IS NOT NULL AND email <> '');"],
      why: 'a CHECK added without NOT VALID is validated at once, and its AND proves NOT NULL',
    },
    'ALTER TABLE users ALTER COLUMN email DROP NOT NULL;',
    'ALTER TABLE users ADD COLUMN email text NOT NULL;',
    {
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: ['ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;', 'ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;'],
      why: 'the safe pattern on a table the history never created: the model keeps its constraints',
    },
    {
      sql: 'ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;\nALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: ['ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;'],
      why: 'validated by the statement before, on a table the model does not know',
    },
    {
      sql: "SET lock_timeout = '2s';\nALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL);\nALTER TABLE users ALTER COLUMN email SET NOT NULL;",
      why: 'a CHECK validated at once, then SET NOT NULL in the same transaction: PostgreSQL 12+ skips the scan ("existing constraints are sufficient", checked on 15)',
    },
    {
      sql: "ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL);\nALTER TABLE users ALTER COLUMN email SET NOT NULL;",
      history: [users],
      why: 'the same, table in the model',
    },
  ],
  invalid: [
    {
      sql: 'ALTER TABLE app.users ALTER COLUMN email SET NOT NULL;',
      history: ['CREATE SCHEMA app;\nCREATE TABLE app.users (id bigint, email text);'],
      errors: [{ help: 'Add CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then SET NOT NULL (PostgreSQL 12+ skips the scan) and drop the CHECK.' }],
      why: 'the help spells out the safe SQL for this column',
    },
    {
      sql: 'ALTER TABLE users ADD COLUMN c int DEFAULT 0;\nALTER TABLE users ALTER COLUMN c SET NOT NULL;',
      history: [users],
      errors: [{ line: 2, help: /ADD COLUMN c … NOT NULL DEFAULT/ }],
      why: 'a column added by this migration: declare it NOT NULL with its default instead',
    },
    {
      sql: 'ALTER TABLE users ADD COLUMN c int DEFAULT 0, ALTER COLUMN c SET NOT NULL;',
      history: [users],
      errors: 1,
      why: 'PostgreSQL scans even in the same statement (checked against the server)',
    },
    { sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;', errors: [{ line: 1, column: 1, message: 'SET NOT NULL on users.email scans every row while holding ACCESS EXCLUSIVE.' }] },
    { sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;', history: [users], errors: 1 },
    {
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: [users, 'ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;'],
      errors: 1,
      why: 'the CHECK is not validated yet',
    },
    {
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: [users, 'ALTER TABLE users ADD CONSTRAINT users_name_nn CHECK (name IS NOT NULL);'],
      errors: 1,
      why: 'the CHECK is about another column',
    },
    {
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: [users, 'ALTER TABLE users ADD CONSTRAINT c CHECK (email IS NOT NULL OR name IS NOT NULL);'],
      errors: 1,
      why: 'an OR proves nothing',
    },
    {
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: [users, 'ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL);'],
      pgVersion: 11,
      errors: [{ message: /before PostgreSQL 12/ }],
    },
    {
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL, ALTER COLUMN name SET NOT NULL, ALTER COLUMN id SET NOT NULL;',
      history: ['CREATE TABLE users (id bigint, email text, name text);'],
      errors: 3,
    },
    {
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: [users, 'ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;', 'ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;', 'ALTER TABLE users DROP CONSTRAINT users_email_nn;'],
      errors: 1,
      why: 'the proving constraint was dropped again',
    },
    {
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: ['ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;'],
      errors: 1,
      why: 'not validated, on a table the model does not know',
    },
    {
      sql: 'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
      history: ['ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;', 'ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;'],
      pgVersion: 11,
      errors: [{ message: /before PostgreSQL 12/ }],
      why: 'before PostgreSQL 12 the validated CHECK does not help',
    },
    {
      sql: 'ALTER TABLE users ADD COLUMN nickname text, ALTER COLUMN email SET NOT NULL;',
      history: [users],
      errors: [{ line: 1, column: 45 }],
      why: 'in a multi-action ALTER TABLE the finding points at the SET NOT NULL action',
    },
    {
      sql: 'ALTER TABLE users\n  ADD COLUMN nickname text,\n  ALTER COLUMN email SET NOT NULL;',
      history: [users],
      errors: [{ line: 3, column: 3 }],
      why: 'on its own line',
    },
  ],
});
