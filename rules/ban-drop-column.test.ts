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
      errors: [{ line: 2, column: 20, message: /User\.a / }, { line: 3, column: 1, message: /User\.Bio / }, { line: 4, column: 3, message: /User\.c / }],
      why: 'each drop of a multi-line statement on its own line (Prisma)',
    },
    { sql: 'SELECT 1;\nALTER TABLE app.users DROP COLUMN IF EXISTS a, DROP COLUMN b CASCADE;', errors: [{ line: 2, message: /app\.users\.a/ }, { line: 2, message: /app\.users\.b/ }] },
    { sql: 'ALTER TABLE accounts DROP COLUMN email;', history: ['CREATE TABLE accounts (id bigint, email text);'], errors: 1, why: 'table from an earlier migration' },
    { sql: 'DO $$ BEGIN\n  ALTER TABLE users DROP COLUMN x;\nEND $$;', errors: [{ line: 2, column: 3 }], why: 'inside a DO block' },
    {
      sql: "SET lock_timeout = '2s';\nALTER TABLE accounts ADD COLUMN full_name text;\nUPDATE accounts SET full_name = display_name;\nALTER TABLE accounts DROP COLUMN display_name;",
      history: ['CREATE TABLE accounts (id bigint PRIMARY KEY, display_name text);'],
      errors: [{
        line: 4,
        message: 'Dropping column accounts.display_name deletes its data and breaks code that still uses it; this migration also adds column full_name to accounts at line 2, so expand and contract happen in one step.',
        help: /^Expand .*, migrate the code to it, then drop display_name in a later migration/,
      }],
      why: 'the one finding for this DROP (expand-contract-in-one-migration leaves it here) names the expand step',
    },
    {
      sql: 'ALTER TABLE accounts DROP COLUMN display_name;\nALTER TABLE accounts ADD COLUMN full_name text;',
      errors: [{ message: /also adds column full_name to accounts at line 2/ }],
      why: 'contract before expand',
    },
  ],
});
