import { expandContractInOneMigration } from './expand-contract-in-one-migration.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

const accounts = 'CREATE TABLE accounts (id bigint PRIMARY KEY, email text, display_name text, total int);';

const orders = "CREATE TYPE \"order_status_enum\" AS ENUM('pending', 'paid');\nCREATE TABLE \"order\" (\"id\" SERIAL NOT NULL, \"status\" \"order_status_enum\" NOT NULL);";
const swap = (values: string) =>
  `ALTER TABLE "order" ADD "total" numeric NOT NULL DEFAULT '0';\nALTER TYPE "order_status_enum" RENAME TO "order_status_enum_old";\nCREATE TYPE "order_status_enum" AS ENUM(${values});\nALTER TABLE "order" ALTER COLUMN "status" TYPE "order_status_enum" USING "status"::"text"::"order_status_enum";`;

ruleTester(expandContractInOneMigration, {
  valid: [
    { sql: 'ALTER TABLE accounts ADD COLUMN full_name text;', history: [accounts], why: 'expand only' },
    { sql: swap("'pending', 'paid', 'cancelled'"), history: [orders], why: 'TypeORM enum swap that keeps every old label: old code reads and writes as before' },
    { sql: swap("'pending', 'cancelled'"), history: [orders], why: 'a swap that drops a label is renaming-enum-value’s, not reported twice' },
    { sql: 'ALTER TABLE accounts DROP COLUMN display_name;', history: [accounts], why: 'contract only: ban-drop-column reports it' },
    { sql: 'ALTER TABLE accounts RENAME COLUMN email TO email_address;', history: [accounts], why: 'a lone rename is renaming-column’s' },
    { sql: 'ALTER TABLE accounts ALTER COLUMN total TYPE bigint;', history: [accounts], why: 'a lone type change is changing-column-type’s' },
    { sql: 'ALTER TABLE accounts ADD COLUMN tmp text;\nALTER TABLE accounts DROP COLUMN tmp;', history: [accounts], why: 'the dropped column was added by this file' },
    {
      sql: 'CREATE TABLE accounts (id bigint, a text);\nALTER TABLE accounts ADD COLUMN b text;\nALTER TABLE accounts DROP COLUMN a;',
      why: 'new table: no running code uses it',
    },
    { sql: 'ALTER TABLE accounts ADD COLUMN full_name text;\nALTER TABLE profiles DROP COLUMN bio;', history: [accounts], why: 'different tables' },
    {
      sql: 'ALTER TABLE accounts ADD COLUMN note text;\nALTER TABLE accounts RENAME TO users;\nCREATE VIEW accounts AS SELECT * FROM users;',
      history: [accounts],
      why: 'compatibility view of the old name',
    },
    { sql: "UPDATE accounts SET display_name = '' WHERE display_name IS NULL;", history: [accounts], why: 'backfill only' },
    { sql: "UPDATE accounts SET email = 'ops@example.com' WHERE id = 1;\nALTER TABLE accounts DROP COLUMN display_name;", history: [accounts], why: 'a one-row data fix by primary key is not an expand step' },
    { sql: 'ALTER TABLE accounts ADD COLUMN full_name text;\nALTER TABLE accounts ALTER COLUMN full_name TYPE varchar(200);', history: [accounts], why: 'retyping the new column' },
    { sql: 'ALTER TABLE accounts ALTER COLUMN display_name TYPE varchar;\nALTER TABLE accounts ADD COLUMN bio jsonb;', history: [accounts], why: 'a binary-coercible widening breaks no code' },
    { sql: 'UPDATE ghosts SET c = 1;\nALTER TABLE ghosts ALTER COLUMN c TYPE bigint;', why: 'old type unknown: not guessed' },
    { sql: 'ALTER TABLE ghosts ADD COLUMN c8 text;\nALTER TABLE ghosts ALTER COLUMN c8 TYPE int USING 0;', why: 'the new column of a table unknown to the history' },
    {
      sql: "SET lock_timeout = '2s';\nALTER TABLE accounts ADD COLUMN full_name text;\nUPDATE accounts SET full_name = display_name;\nALTER TABLE accounts DROP COLUMN display_name;",
      history: [accounts],
      why: 'one hazard, one finding: ban-drop-column owns the DROP COLUMN and names the expand step',
    },
    {
      sql: 'ALTER TABLE accounts ADD COLUMN email_address text;\nUPDATE accounts SET email_address = email;\nALTER TABLE accounts RENAME COLUMN email TO email_old;',
      history: [accounts],
      why: 'renaming-column owns the rename and names the expand step',
    },
    { sql: 'ALTER TABLE accounts ADD COLUMN note text;\nALTER TABLE accounts RENAME TO users;', history: [accounts], why: 'renaming-table owns the rename and names the expand step' },
  ],
  invalid: [
    {
      sql: 'UPDATE accounts SET total = 0 WHERE total IS NULL;\nALTER TABLE accounts ALTER COLUMN total TYPE bigint;',
      history: [accounts],
      errors: [{ line: 2, message: 'This migration backfills accounts (UPDATE) at line 1 and changes the type of total in place: code deployed before it still uses the old shape. Expand, migrate the code, then contract in a later migration.' }],
    },
    {
      sql: 'ALTER TABLE accounts ADD COLUMN email_address text;\nALTER TABLE accounts\n  ALTER COLUMN email_address SET NOT NULL,\n  DROP COLUMN email CASCADE,\n  ALTER COLUMN total TYPE text;',
      history: [accounts],
      errors: [{ line: 5, column: 3, message: /adds column email_address to accounts at line 1 and changes the type of total/ }],
      why: 'on the line of its subcommand; the DROP COLUMN beside it is ban-drop-column’s',
    },
    {
      sql: 'ALTER TABLE accounts ADD COLUMN full_name text, ALTER COLUMN total TYPE text;',
      history: [accounts],
      errors: [{ message: /in the same statement/ }],
    },
  ],
});
