import { addingRequiredField } from './adding-required-field.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(addingRequiredField, {
  valid: [
    'ALTER TABLE users ADD COLUMN plan text;',
    "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';",
    'ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();',
    'ALTER TABLE users ADD COLUMN n bigint NOT NULL GENERATED ALWAYS AS IDENTITY;',
    'ALTER TABLE users ADD COLUMN n bigserial NOT NULL;',
    'ALTER TABLE users ADD COLUMN total int NOT NULL GENERATED ALWAYS AS (a + b) STORED;',
    'ALTER TABLE users ADD COLUMN plan text NULL;',
    { sql: 'CREATE TABLE users (id bigint);\nALTER TABLE users ADD COLUMN plan text NOT NULL;', why: 'table created in the same file' },
    'CREATE TABLE users (id bigint, plan text NOT NULL);',
    'ALTER TABLE users ALTER COLUMN plan SET NOT NULL;',
    { sql: 'ALTER TABLE users ALTER COLUMN plan SET NOT NULL;', history: ['CREATE TABLE users (id bigint);', 'ALTER TABLE users ADD COLUMN plan text;'], why: 'enforced in a later migration than the one that added it' },
    { sql: "ALTER TABLE users ADD COLUMN plan text DEFAULT 'free';\nALTER TABLE users ALTER COLUMN plan SET NOT NULL;", history: ['CREATE TABLE users (id bigint);'], why: 'the default stays: old inserts get it' },
    { sql: "ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';\nALTER TABLE users ALTER COLUMN plan SET DEFAULT 'basic';", history: ['CREATE TABLE users (id bigint);'] },
    { sql: 'ALTER TABLE users ADD COLUMN note text DEFAULT \'\';\nALTER TABLE users ALTER COLUMN note DROP DEFAULT;', history: ['CREATE TABLE users (id bigint);'], why: 'nullable: old inserts store NULL' },
    { sql: "CREATE TABLE users (id bigint);\nALTER TABLE users ADD COLUMN plan text DEFAULT 'x' NOT NULL;\nALTER TABLE users ALTER COLUMN plan DROP DEFAULT;", why: 'table created in the same file' },
  ],
  invalid: [
    { sql: 'ALTER TABLE users ADD COLUMN plan text NOT NULL;', errors: [{ line: 1, column: 30, message: /Column plan is added to users as NOT NULL without a default/ }] },
    { sql: 'ALTER TABLE app.users ADD plan text NOT NULL;', errors: [{ message: /app\.users/ }] },
    { sql: 'ALTER TABLE users ADD COLUMN plan text NOT NULL;', history: ['CREATE TABLE users (id bigint);'], errors: 1 },
    { sql: 'ALTER TABLE users ADD COLUMN code text PRIMARY KEY;', errors: 1, why: 'a primary key column is NOT NULL' },
    { sql: "ALTER TABLE users ADD COLUMN a text NOT NULL, ADD COLUMN b text NOT NULL DEFAULT '', ADD COLUMN c int NOT NULL;", errors: [{ message: /Column a/ }, { message: /Column c/ }] },
    { sql: 'SELECT 1;\nALTER TABLE users\n  ADD COLUMN plan text NOT NULL;', errors: [{ line: 3, column: 14 }] },
    {
      sql: "ALTER TABLE orders ADD COLUMN currency text;\nUPDATE orders SET currency = 'EUR' WHERE currency IS NULL;\nALTER TABLE orders ALTER COLUMN currency SET NOT NULL;",
      history: ['CREATE TABLE orders (id bigint);'],
      errors: [{ line: 3, message: /currency, added to orders in this migration, is made NOT NULL here/ }],
      why: 'add, backfill and enforce in one migration: old inserts without currency fail',
    },
    {
      sql: 'ALTER TABLE "shop_order" ADD COLUMN "status" varchar(20) DEFAULT \'new\' NOT NULL;\nALTER TABLE "shop_order" ALTER COLUMN "status" DROP DEFAULT;',
      history: ['CREATE TABLE "shop_order" (id bigint);'],
      errors: [{ line: 2, message: /loses its default while NOT NULL/ }],
      why: "Django's AddField: the default only fills existing rows, then old code's inserts fail",
    },
    {
      sql: "ALTER TABLE t ADD COLUMN c text DEFAULT 'x';\nALTER TABLE t\n  ALTER COLUMN c SET NOT NULL,\n  ALTER COLUMN c DROP DEFAULT;",
      history: ['CREATE TABLE t (id bigint);'],
      errors: [{ line: 3, column: 3 }],
      why: 'one finding for the statement, on the subcommand that names the column',
    },
    {
      sql: 'ALTER TABLE t ADD COLUMN c text;\nALTER TABLE t ALTER COLUMN c SET NOT NULL, ALTER COLUMN c DROP DEFAULT;',
      history: ['CREATE TABLE t (id bigint);'],
      errors: 1,
    },
  ],
});
