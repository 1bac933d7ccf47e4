import { banDropNotNull } from './ban-drop-not-null.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banDropNotNull, {
  valid: [
    'ALTER TABLE users ALTER COLUMN phone SET NOT NULL;',
    'ALTER TABLE users ALTER COLUMN phone DROP DEFAULT;',
    { sql: 'CREATE TABLE t (id bigint, v text NOT NULL);\nALTER TABLE t ALTER COLUMN v DROP NOT NULL;', why: 'table created in the same file' },
    { sql: "ALTER TABLE users ADD COLUMN tier text NOT NULL DEFAULT 'free';\nALTER TABLE users ALTER COLUMN tier DROP NOT NULL;", why: 'column added in the same file' },
    { sql: 'ALTER TABLE accounts ALTER COLUMN phone DROP NOT NULL;', history: ['CREATE TABLE accounts (id bigint, phone text);'], why: 'the model knows the column is already nullable: nothing changes' },
    { sql: 'ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;\nALTER TABLE accounts ALTER COLUMN email DROP NOT NULL;', history: ['CREATE TABLE accounts (id bigint, email text);'], why: 'NOT NULL set earlier in the same file: deployed code never relied on it' },
  ],
  invalid: [
    { sql: 'ALTER TABLE users ALTER COLUMN phone DROP NOT NULL;', errors: [{ line: 1, column: 1, message: /users\.phone/ }] },
    {
      sql: 'ALTER TABLE "User" ALTER COLUMN "name" SET NOT NULL,\nALTER COLUMN "updatedAt" DROP NOT NULL;',
      errors: [{ line: 2, column: 1, message: /User\.updatedAt/ }],
      why: 'Prisma puts each ALTER COLUMN on its own line',
    },
    { sql: 'ALTER TABLE app.users ALTER phone DROP NOT NULL, ALTER email DROP NOT NULL;', errors: [{ message: /app\.users\.phone/ }, { message: /app\.users\.email/ }] },
    { sql: 'ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL;', history: ['CREATE TABLE accounts (id bigint, email text NOT NULL);'], errors: 1 },
    {
      sql: 'ALTER TABLE accounts ALTER COLUMN email DROP NOT NULL;\nALTER TABLE accounts ALTER COLUMN email DROP NOT NULL;',
      history: ['CREATE TABLE accounts (id bigint, email text NOT NULL);'],
      errors: [{ line: 1 }],
      why: 'the second DROP NOT NULL finds the column nullable already',
    },
    { sql: 'ALTER TABLE accounts ALTER COLUMN note DROP NOT NULL;', history: ['CREATE TABLE accounts (LIKE templates);'], errors: 1, why: 'a column the model does not know may be NOT NULL' },
  ],
});
