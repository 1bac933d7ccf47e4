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
    {
      sql: 'ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey_idx;',
      history: [
        'CREATE TABLE items (id bigint);',
        '-- pgwarden:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY items_pkey_idx ON items (id);',
        'ALTER TABLE items ADD CONSTRAINT items_id_nn CHECK (id IS NOT NULL) NOT VALID;',
        'ALTER TABLE items VALIDATE CONSTRAINT items_id_nn;',
      ],
      why: 'a validated CHECK (id IS NOT NULL) proves the column on PostgreSQL 12+',
    },
    {
      sql: 'ALTER TABLE items ALTER COLUMN id SET NOT NULL, ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey_idx;',
      history: ['CREATE TABLE items (id bigint);', '-- pgwarden:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY items_pkey_idx ON items (id);'],
      why: 'the SET NOT NULL scan is adding-not-nullable-field\'s finding',
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
    {
      sql: 'ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey_idx;',
      history: ['CREATE TABLE items (id bigint);', '-- pgwarden:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY items_pkey_idx ON items (id);'],
      errors: [{ line: 1, column: 23, message: 'Primary key items_pkey USING INDEX makes id NOT NULL, which scans every row of items while holding an ACCESS EXCLUSIVE lock.' }],
      why: 'the key column is nullable: PostgreSQL scans to set NOT NULL',
    },
    {
      sql: 'ALTER TABLE events ADD PRIMARY KEY (id, at);',
      history: ['CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);'],
      errors: [{ help: /events is partitioned, where USING INDEX is refused.*PRIMARY KEY USING INDEX/ }],
    },
  ],
});
