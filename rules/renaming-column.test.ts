import { renamingColumn } from './renaming-column.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(renamingColumn, {
  valid: [
    'ALTER TABLE users ADD COLUMN email_address text;',
    'ALTER TABLE users RENAME TO customers;',
    'ALTER TABLE users RENAME CONSTRAINT users_pkey TO users_pk;',
    { sql: 'CREATE TABLE t (id bigint, nme text);\nALTER TABLE t RENAME COLUMN nme TO name;', why: 'table created in the same file' },
    { sql: 'ALTER TABLE users ADD COLUMN tmp text;\nALTER TABLE users RENAME COLUMN tmp TO nickname;', why: 'column added in the same file' },
    {
      sql: 'ALTER TABLE customers RENAME TO clients;\nALTER TABLE clients RENAME COLUMN display_name TO name;\nCREATE VIEW customers AS SELECT id, name AS display_name FROM clients;',
      history: ['CREATE TABLE customers (id bigint, display_name text);'],
      why: 'renamed table: old code reads the compatibility view, which names the column back',
    },
    {
      sql: 'ALTER TABLE events RENAME TO audit_events;\nCREATE VIEW events AS SELECT * FROM audit_events;\nALTER TABLE audit_events RENAME COLUMN id TO event_id;',
      history: ['CREATE TABLE events (id bigint, payload text);'],
      why: 'the view was created before the column rename and keeps the old column name',
    },
    {
      sql: 'ALTER TABLE customers RENAME TO clients;\nALTER TABLE clients RENAME COLUMN display_name TO name;\nCREATE VIEW customers (id, display_name) AS SELECT id, name FROM clients;',
      history: ['CREATE TABLE customers (id bigint, display_name text);'],
      why: 'a view column list names it back',
    },
    {
      sql: 'ALTER TABLE customers RENAME TO clients;\nALTER TABLE clients RENAME COLUMN display_name TO name;',
      history: ['CREATE TABLE customers (id bigint, display_name text);'],
      why: 'no view: the table rename breaks old code, and renaming-table reports it once',
    },
  ],
  invalid: [
    { sql: 'ALTER TABLE users RENAME COLUMN email TO email_address;', errors: [{ line: 1, column: 1, message: 'Renaming column users.email to email_address breaks code that still uses the old name.' }] },
    { sql: 'SELECT 1;\nALTER TABLE app.users RENAME email TO mail;', errors: [{ line: 2, message: /app\.users\.email/ }] },
    { sql: 'ALTER TABLE accounts RENAME COLUMN n TO name;', history: ['CREATE TABLE accounts (id bigint, n text);'], errors: 1, why: 'table from an earlier migration' },
    { sql: 'ALTER VIEW active_users RENAME COLUMN email TO mail;', errors: 1, why: 'view columns are read by code too' },
    {
      sql: 'ALTER TABLE customers RENAME TO clients;\nALTER TABLE clients RENAME COLUMN display_name TO name;\nCREATE VIEW customers AS SELECT * FROM clients;',
      history: ['CREATE TABLE customers (id bigint, display_name text);'],
      errors: [{ line: 2 }],
      why: 'SELECT * after the column rename shows the new name: old code breaks',
    },
    {
      sql: 'ALTER TABLE accounts ADD COLUMN email_address text;\nUPDATE accounts SET email_address = email;\nALTER TABLE accounts RENAME COLUMN email TO email_old;',
      history: ['CREATE TABLE accounts (id bigint PRIMARY KEY, email text);'],
      errors: [{ line: 3, message: 'Renaming column accounts.email to email_old breaks code that still uses the old name; this migration also adds column email_address to accounts at line 1, so expand and contract happen in one step.' }],
      why: 'the one finding for the rename names the expand step (expand-contract-in-one-migration leaves it here)',
    },
  ],
});
