import { addingForeignKeyConstraint } from './adding-foreign-key-constraint.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(addingForeignKeyConstraint, {
  valid: [
    { sql: 'ALTER TABLE invoices ADD CONSTRAINT invoices_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;', why: 'NOT VALID' },
    {
      sql: 'ALTER TABLE invoices VALIDATE CONSTRAINT invoices_account_fk;',
      history: ['CREATE TABLE invoices (id bigint, account_id bigint);', 'ALTER TABLE invoices ADD CONSTRAINT invoices_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;'],
      why: 'validation in a later migration',
    },
    {
      sql: 'CREATE TABLE api_tokens (id bigint, account_id bigint);\nALTER TABLE api_tokens ADD CONSTRAINT api_tokens_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);',
      why: 'the constrained table is created in the same file (empty: instant check)',
    },
    { sql: 'CREATE TABLE orders (id bigint, customer_id bigint REFERENCES customers (id));', history: ['CREATE TABLE customers (id bigint PRIMARY KEY);'], why: 'inline FK in CREATE TABLE' },
    { sql: 'ALTER TABLE invoices ADD CONSTRAINT c CHECK (amount > 0);', why: 'a CHECK is constraint-missing-not-valid\'s finding' },
  ],
  invalid: [
    {
      sql: 'ALTER TABLE events ADD CONSTRAINT events_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);',
      history: ["CREATE TABLE events (id bigint, account_id bigint, at date) PARTITION BY RANGE (at);"],
      pgVersion: 18,
      errors: [{ message: /^Adding foreign key events_account_fk to events without NOT VALID/, help: /^Add the foreign key NOT VALID/ }],
      why: 'PostgreSQL 18 accepts NOT VALID foreign keys on a partitioned table: the usual advice, not the per-partition one',
    },
    {
      sql: 'ALTER TABLE invoices\n  ADD CONSTRAINT invoices_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);',
      errors: [{ line: 2, column: 7, message: 'Adding foreign key invoices_account_fk to invoices without NOT VALID checks every row while holding SHARE ROW EXCLUSIVE locks on invoices and accounts, blocking writes to both.' }],
    },
    {
      sql: 'SET lock_timeout = \'2s\';\nALTER TABLE "Post" ADD FOREIGN KEY ("authorId") REFERENCES "User" ("id");',
      history: ['CREATE TABLE "User" (id bigint PRIMARY KEY);\nCREATE TABLE "Post" (id bigint, "authorId" bigint);'],
      errors: [{ line: 2, message: /a foreign key to Post .*Post and User/ }],
      why: 'both tables from an earlier migration',
    },
    {
      sql: 'CREATE TABLE accounts (id bigint PRIMARY KEY);\nALTER TABLE invoices ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts (id);',
      history: ['CREATE TABLE invoices (id bigint, account_id bigint);'],
      errors: [{ line: 2, message: /invoices and accounts/ }],
      why: 'the referenced table is new but the constrained table is existing and scanned',
    },
    {
      sql: 'ALTER TABLE orders ADD COLUMN customer_id bigint REFERENCES customers (id);',
      errors: [{ message: /Adding a column with a foreign key to orders .*ACCESS EXCLUSIVE/ }],
      why: 'a new column with REFERENCES',
    },
    {
      sql: 'ALTER TABLE widgets ADD COLUMN part_id bigint REFERENCES parts (id);',
      history: ['CREATE TABLE parts (id bigint PRIMARY KEY);\nCREATE TABLE widgets (id bigint PRIMARY KEY);'],
      errors: [{
        help: 'Add the column without REFERENCES (ADD COLUMN part_id int8), then ADD CONSTRAINT widgets_part_id_fkey FOREIGN KEY (part_id) REFERENCES parts (id) NOT VALID, and VALIDATE CONSTRAINT widgets_part_id_fkey in a later migration.',
      }],
      why: 'a column-level REFERENCES cannot be NOT VALID: the help gives the two-step SQL',
    },
  ],
});
