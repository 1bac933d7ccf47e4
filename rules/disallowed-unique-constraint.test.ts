import { disallowedUniqueConstraint } from './disallowed-unique-constraint.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(disallowedUniqueConstraint, {
  valid: [
    { sql: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_uniq;', why: 'UNIQUE USING INDEX' },
    { sql: 'CREATE TABLE users (id bigint, email text);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);', why: 'table created in the same file' },
    { sql: 'CREATE TABLE users (id bigint, email text UNIQUE);', why: 'declared with the table' },
    {
      sql: "SET lock_timeout = '2s';\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_uniq;",
      history: ['CREATE TABLE users (id bigint, email text);', '-- pgwarden:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY users_email_uniq ON users (email);'],
      why: 'index built concurrently by an earlier migration',
    },
  ],
  invalid: [
    {
      sql: 'ALTER TABLE users ADD CONSTRAINT users_name_key UNIQUE (name);',
      errors: [{ line: 1, column: 23, message: 'Adding unique constraint users_name_key to users builds its index while holding an ACCESS EXCLUSIVE lock, blocking reads and writes of users for the whole build.' }],
    },
    {
      sql: "SET lock_timeout = '2s';\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_uniq;\nALTER TABLE users ADD UNIQUE (name);",
      history: ['CREATE TABLE users (id bigint, email text, name text);'],
      errors: [{ line: 3, message: /a unique constraint to users/ }],
      why: 'only the form without USING INDEX, table from history',
    },
    {
      sql: 'ALTER TABLE users ADD COLUMN handle text UNIQUE;',
      errors: [{ message: /unique constraint to users/ }],
      why: 'a new column declared UNIQUE',
    },
  ],
});
