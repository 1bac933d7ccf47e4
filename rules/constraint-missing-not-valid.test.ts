import { constraintMissingNotValid } from './constraint-missing-not-valid.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(constraintMissingNotValid, {
  valid: [
    { sql: 'ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;', why: 'NOT VALID' },
    {
      sql: 'ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;',
      history: ['CREATE TABLE orders (id bigint, total numeric);', 'ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;'],
      why: 'VALIDATE in a later migration takes SHARE UPDATE EXCLUSIVE only',
    },
    {
      sql: 'CREATE TABLE orders (id bigint, total numeric);\nALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0);',
      why: 'table created in the same file',
    },
    {
      sql: 'BEGIN;\nALTER TABLE orders ADD CONSTRAINT c CHECK (total >= 0) NOT VALID;\nCOMMIT;\nBEGIN;\nALTER TABLE orders VALIDATE CONSTRAINT c;\nCOMMIT;',
      why: 'VALIDATE in a separate transaction of the same file',
    },
    {
      sql: 'ALTER TABLE invoices ADD CONSTRAINT invoices_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);',
      why: 'a foreign key without NOT VALID is adding-foreign-key-constraint\'s finding',
    },
    {
      sql: '-- pgwarden:no-transaction\nALTER TABLE orders ADD CONSTRAINT c CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT c;',
      why: 'no-transaction file: the ADD commits before the VALIDATE',
    },
  ],
  invalid: [
    {
      sql: 'ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0);',
      errors: [{ line: 1, column: 24, message: 'Adding check constraint orders_total_positive to orders without NOT VALID checks every row while holding an ACCESS EXCLUSIVE lock, blocking reads and writes of orders.' }],
    },
    {
      sql: 'SET lock_timeout = \'2s\';\nALTER TABLE orders\n  ADD CHECK (total >= 0);',
      history: ['CREATE TABLE orders (id bigint, total numeric);'],
      errors: [{ line: 3, column: 7, message: /a check constraint to orders/ }],
      why: 'table from an earlier migration',
    },
    {
      sql: 'ALTER TABLE orders ADD CONSTRAINT c CHECK (total >= 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT c;',
      history: ['CREATE TABLE orders (id bigint, total numeric);'],
      errors: [{ line: 2, column: 1, message: /same transaction .*ACCESS EXCLUSIVE lock on orders/ }],
      why: 'validated in the runner transaction that added it',
    },
    {
      sql: 'BEGIN;\nALTER TABLE invoices ADD CONSTRAINT fk FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;\nALTER TABLE invoices VALIDATE CONSTRAINT fk;\nCOMMIT;',
      errors: [{ line: 3, message: /SHARE ROW EXCLUSIVE/ }],
      why: 'foreign key validated inside the BEGIN that added it',
    },
    {
      sql: 'ALTER TABLE orders ADD COLUMN discount numeric CHECK (discount >= 0);',
      errors: [{
        message: /with a new column to orders/,
        help: 'A CHECK written inside ADD COLUMN cannot be NOT VALID: add the column without it, then ALTER TABLE orders ADD CONSTRAINT … CHECK (…) NOT VALID and VALIDATE CONSTRAINT in a later migration.',
      }],
      why: 'a column CHECK is validated by a scan too (checked on 15), and the help does not advise the impossible inline NOT VALID',
    },
  ],
});
