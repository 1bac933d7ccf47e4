import { addingPrimaryKeyConstraint } from './adding-primary-key-constraint.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(addingPrimaryKeyConstraint, {
  valid: [
    { sql: 'ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey_idx;', why: 'PRIMARY KEY USING INDEX' },
    { sql: 'CREATE TABLE items (id bigint);\nALTER TABLE items ADD PRIMARY KEY (id);', why: 'table created in the same file' },
    { sql: 'CREATE TABLE items (id bigint PRIMARY KEY, name text);', why: 'primary key declared with the table' },
    {
      sql: "SET lock_timeout = '2s';\nALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey_idx;",
      history: ['CREATE TABLE items (id bigint NOT NULL);', '-- pgwarden:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY items_pkey_idx ON items (id);'],
      why: 'index built concurrently in an earlier migration',
    },
  ],
  invalid: [
    {
      sql: 'ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY (id);',
      errors: [{ line: 1, column: 23, message: 'Adding primary key items_pkey to items builds its index while holding an ACCESS EXCLUSIVE lock, blocking reads and writes of items for the whole build.' }],
    },
    {
      sql: 'ALTER TABLE app.items ADD PRIMARY KEY (id);',
      history: ['CREATE SCHEMA app;\nCREATE TABLE app.items (id bigint NOT NULL);'],
      errors: [{ message: /a primary key to app\.items/ }],
      why: 'table from an earlier migration',
    },
    {
      sql: 'ALTER TABLE items ADD COLUMN id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY;',
      errors: [{ message: /a primary key to items/ }],
      why: 'a new column declared PRIMARY KEY',
    },
  ],
});
