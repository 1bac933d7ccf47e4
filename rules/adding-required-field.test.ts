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
  ],
  invalid: [
    { sql: 'ALTER TABLE users ADD COLUMN plan text NOT NULL;', errors: [{ line: 1, column: 30, message: /Column plan is added to users as NOT NULL without a default/ }] },
    { sql: 'ALTER TABLE app.users ADD plan text NOT NULL;', errors: [{ message: /app\.users/ }] },
    { sql: 'ALTER TABLE users ADD COLUMN plan text NOT NULL;', history: ['CREATE TABLE users (id bigint);'], errors: 1 },
    { sql: 'ALTER TABLE users ADD COLUMN code text PRIMARY KEY;', errors: 1, why: 'a primary key column is NOT NULL' },
    { sql: "ALTER TABLE users ADD COLUMN a text NOT NULL, ADD COLUMN b text NOT NULL DEFAULT '', ADD COLUMN c int NOT NULL;", errors: [{ message: /Column a/ }, { message: /Column c/ }] },
    { sql: 'SELECT 1;\nALTER TABLE users\n  ADD COLUMN plan text NOT NULL;', errors: [{ line: 3, column: 14 }] },
  ],
});
