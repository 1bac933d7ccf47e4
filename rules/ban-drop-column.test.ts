import { banDropColumn } from './ban-drop-column.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banDropColumn, {
  valid: [
    'ALTER TABLE users ADD COLUMN nickname text;',
    'ALTER TABLE users DROP CONSTRAINT users_email_key;',
    { sql: 'CREATE TABLE staging (id bigint, raw text);\nALTER TABLE staging DROP COLUMN raw;', why: 'table created in the same file' },
    { sql: 'ALTER TABLE users ADD COLUMN tmp text;\nUPDATE users SET tmp = name;\nALTER TABLE users DROP COLUMN tmp;', why: 'column added in the same file' },
    { sql: 'ALTER TABLE users ALTER COLUMN name DROP DEFAULT;', why: 'DROP DEFAULT is not DROP COLUMN' },
  ],
  invalid: [
    { sql: 'ALTER TABLE users DROP COLUMN legacy_flag;', errors: [{ line: 1, column: 1, message: /users\.legacy_flag/ }] },
    {
      sql: '-- é\nALTER TABLE "User" DROP COLUMN "a",\nDROP COLUMN IF EXISTS "Bio",\n  DROP "c";',
      errors: [{ line: 2, column: 1, message: /User\.a / }, { line: 3, column: 1, message: /User\.Bio / }, { line: 4, column: 3, message: /User\.c / }],
      why: 'each drop of a multi-line statement on its own line (Prisma)',
    },
    { sql: 'SELECT 1;\nALTER TABLE app.users DROP COLUMN IF EXISTS a, DROP COLUMN b CASCADE;', errors: [{ line: 2, message: /app\.users\.a/ }, { line: 2, message: /app\.users\.b/ }] },
    { sql: 'ALTER TABLE accounts DROP COLUMN email;', history: ['CREATE TABLE accounts (id bigint, email text);'], errors: 1, why: 'table from an earlier migration' },
    { sql: 'DO $$ BEGIN\n  ALTER TABLE users DROP COLUMN x;\nEND $$;', errors: [{ line: 2, column: 3 }], why: 'inside a DO block' },
  ],
});
