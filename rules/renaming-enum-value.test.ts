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
    {
      sql: "CREATE TYPE status_new AS ENUM ('pending', 'paid', 'refunded');\nALTER TABLE orders ALTER COLUMN status TYPE status_new USING status::text::status_new;",
      history: ["CREATE TYPE status AS ENUM ('pending', 'paid');\nCREATE TABLE orders (id bigint, status status);"],
      why: 'the new enum keeps every old label',
    },
    { sql: "CREATE TYPE s AS ENUM ('a', 'b');\nCREATE TYPE s2 AS ENUM ('a');\nALTER TABLE orders ADD COLUMN st s;\nALTER TABLE orders ALTER COLUMN st TYPE s2 USING st::text::s2;", history: ['CREATE TABLE orders (id bigint);'], why: 'column and enum new in this file' },
    {
      sql: "CREATE TYPE status_new AS ENUM ('a', 'b', 'c');\nALTER TABLE s ALTER COLUMN tags TYPE status_new[] USING tags::text[]::status_new[];",
      history: ["CREATE TYPE status AS ENUM ('a', 'b');\nCREATE TABLE s (id bigint, tags status[]);"],
      why: 'an array swap that keeps every label',
    },
    { sql: "ALTER TABLE orders ALTER COLUMN status TYPE text;", history: ["CREATE TYPE status AS ENUM ('a');\nCREATE TABLE orders (id bigint, status status);"], why: 'enum to text keeps every value' },
  ],
  invalid: [
    { sql: "ALTER TYPE order_status RENAME VALUE 'canceled' TO 'cancelled';", errors: [{ line: 1, column: 1, message: "Renaming value 'canceled' of enum order_status to 'cancelled' breaks code that still uses 'canceled'." }] },
    { sql: "SELECT 1;\nALTER TYPE app.mood RENAME VALUE 'a' TO 'b';", errors: [{ line: 2, message: /app\.mood/ }] },
    { sql: "ALTER TYPE mood RENAME VALUE 'a' TO 'b';", history: ["CREATE TYPE mood AS ENUM ('a');"], errors: 1, why: 'enum from an earlier migration' },
    {
      sql: 'BEGIN;\nCREATE TYPE "Role_new" AS ENUM (\'MEMBER\', \'ADMIN\');\nALTER TABLE "User" ALTER COLUMN "role" DROP DEFAULT;\nALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");\nALTER TYPE "Role" RENAME TO "Role_old";\nALTER TYPE "Role_new" RENAME TO "Role";\nDROP TYPE "Role_old";\nCOMMIT;',
      history: ['CREATE TYPE "Role" AS ENUM (\'USER\', \'ADMIN\');\nCREATE TABLE "User" ("id" SERIAL NOT NULL, "role" "Role" NOT NULL DEFAULT \'USER\');'],
      errors: [{ line: 4, message: /Retyping User\.role to enum Role_new removes 'USER'/ }],
      why: "Prisma's enum swap that drops a label old code writes",
    },
    {
      sql: 'CREATE TYPE "Role_new" AS ENUM (\'MEMBER\', \'ADMIN\');\nALTER TABLE "User" ALTER COLUMN "roles" TYPE "Role_new"[] USING ("roles"::text::"Role_new"[]);',
      history: ['CREATE TYPE "Role" AS ENUM (\'USER\', \'ADMIN\');\nCREATE TABLE "User" ("id" bigint, "roles" "Role"[] NOT NULL);'],
      errors: [{ line: 2, message: /Retyping User\.roles to enum Role_new\[\] removes 'USER'/ }],
      why: "Prisma's enum swap on a column of the enum's array type",
    },
    {
      sql: "CREATE TYPE status_new AS ENUM ('a', 'b');\nALTER TABLE s ALTER COLUMN tags TYPE status_new[] USING tags::text[]::status_new[];",
      history: ["CREATE TYPE status AS ENUM ('a', 'b', 'c');\nCREATE TABLE s (id bigint, tags status[]);"],
      errors: [{ message: /removes 'c'/ }],
      why: 'an array of the enum loses a label',
    },
    {
      sql: 'ALTER TYPE "order_status_enum" RENAME TO "order_status_enum_old";\nCREATE TYPE "order_status_enum" AS ENUM(\'pending\', \'cancelled\');\nALTER TABLE "order"\n  ALTER COLUMN "status" TYPE "order_status_enum" USING "status"::"text"::"order_status_enum";',
      history: ["CREATE TYPE \"order_status_enum\" AS ENUM('pending', 'paid');\nCREATE TABLE \"order\" (\"id\" SERIAL NOT NULL, \"status\" \"order_status_enum\" NOT NULL);"],
      errors: [{ line: 4, column: 3, message: /removes 'paid'/ }],
      why: "TypeORM's rename-and-recreate swap, on the ALTER COLUMN line",
    },
  ],
});
