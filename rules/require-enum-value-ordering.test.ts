import { requireEnumValueOrdering } from './require-enum-value-ordering.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(requireEnumValueOrdering, {
  valid: [
    "ALTER TYPE order_status ADD VALUE 'packed' BEFORE 'shipped';",
    "ALTER TYPE order_status ADD VALUE IF NOT EXISTS 'archived' AFTER 'delivered';",
    "ALTER TYPE order_status RENAME VALUE 'a' TO 'b';",
    { sql: "CREATE TYPE mood AS ENUM ('sad');\nALTER TYPE mood ADD VALUE 'happy';", why: 'enum created in the same file' },
    { sql: 'CREATE TYPE "Mood" AS ENUM (\'sad\');\nALTER TYPE "public"."Mood" ADD VALUE \'happy\';', why: 'created in the same file, named with its schema' },
  ],
  invalid: [
    { sql: "ALTER TYPE order_status ADD VALUE 'packed';", errors: [{ line: 1, column: 1, message: /'packed' .* order_status/ }] },
    { sql: "SELECT 1;\nALTER TYPE app.mood ADD VALUE IF NOT EXISTS 'meh';", errors: [{ line: 2, message: /app\.mood/ }] },
    { sql: "ALTER TYPE mood ADD VALUE 'b';", history: ["CREATE TYPE mood AS ENUM ('a');"], errors: 1 },
  ],
});
