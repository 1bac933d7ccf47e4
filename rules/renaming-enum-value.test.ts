import { renamingEnumValue } from './renaming-enum-value.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(renamingEnumValue, {
  valid: [
    "ALTER TYPE order_status ADD VALUE 'refunded' AFTER 'paid';",
    'ALTER TYPE order_status RENAME TO order_state;',
    "ALTER TYPE order_status RENAME ATTRIBUTE a TO b;",
    { sql: "CREATE TYPE mood AS ENUM ('sad', 'hapy');\nALTER TYPE mood RENAME VALUE 'hapy' TO 'happy';", why: 'enum created in the same file' },
    { sql: 'CREATE TYPE "Mood" AS ENUM (\'a\');\nALTER TYPE public."Mood" RENAME VALUE \'a\' TO \'b\';', why: 'created in the same file, named with its schema' },
    {
      sql: 'CREATE TYPE "Status_new" AS ENUM (\'on\');\nALTER TYPE "Status" RENAME TO "Status_old";\nALTER TYPE "Status_new" RENAME TO "Status";\nALTER TYPE "Status" RENAME VALUE \'on\' TO \'ON\';',
      history: ['CREATE TYPE "Status" AS ENUM (\'x\');'],
      why: 'Prisma swaps in a new type: its values are new',
    },
  ],
  invalid: [
    { sql: "ALTER TYPE order_status RENAME VALUE 'canceled' TO 'cancelled';", errors: [{ line: 1, column: 1, message: "Renaming value 'canceled' of enum order_status to 'cancelled' breaks code that still uses 'canceled'." }] },
    { sql: "SELECT 1;\nALTER TYPE app.mood RENAME VALUE 'a' TO 'b';", errors: [{ line: 2, message: /app\.mood/ }] },
    { sql: "ALTER TYPE mood RENAME VALUE 'a' TO 'b';", history: ["CREATE TYPE mood AS ENUM ('a');"], errors: 1, why: 'enum from an earlier migration' },
  ],
});
