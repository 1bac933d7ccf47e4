import { banNewEnumValueUseInTransaction } from './ban-new-enum-value-use-in-transaction.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

const posts = "CREATE TYPE post_status AS ENUM ('draft', 'published');\nCREATE TABLE posts (id bigint PRIMARY KEY, status post_status NOT NULL DEFAULT 'draft', note text);";

ruleTester(banNewEnumValueUseInTransaction, {
  valid: [
    { sql: "ALTER TYPE post_status ADD VALUE 'archived' AFTER 'published';", history: [posts], why: 'adding alone' },
    {
      sql: "UPDATE posts SET status = 'archived' WHERE id < 100;",
      history: [posts, "ALTER TYPE post_status ADD VALUE 'archived' AFTER 'published';"],
      why: 'used in a later migration, after the ADD VALUE committed',
    },
    {
      sql: "BEGIN;\nALTER TYPE post_status ADD VALUE 'archived' AFTER 'published';\nCOMMIT;\nUPDATE posts SET status = 'archived' WHERE id < 100;",
      history: [posts],
      why: 'committed before the use',
    },
    {
      sql: "-- pgwarden:no-transaction\nALTER TYPE post_status ADD VALUE 'archived' AFTER 'published';\nUPDATE posts SET status = 'archived' WHERE id < 100;",
      history: [posts],
      why: 'each statement commits on its own',
    },
    {
      sql: "ALTER TYPE post_status ADD VALUE 'archived' AFTER 'published';\nCREATE TABLE audit (id bigint, action text);\nINSERT INTO audit (action) VALUES ('archived');",
      history: [posts],
      why: 'the same text in a table without the enum',
    },
    {
      sql: "ALTER TYPE post_status ADD VALUE 'archived';\nUPDATE posts SET note = 'archived' WHERE id = 1;\nUPDATE posts SET note = '' WHERE note = 'archived';\nINSERT INTO posts (id, note) VALUES (2, 'archived');",
      history: [posts],
      why: 'the same text assigned to or compared with a text column of a table that has the enum',
    },
    {
      sql: "ALTER TYPE post_status ADD VALUE 'hidden';\nCREATE INDEX CONCURRENTLY IF NOT EXISTS posts_visible_idx ON posts (id) WHERE status <> 'hidden';",
      history: [posts],
      why: 'CONCURRENTLY makes the file run without a transaction',
    },
  ],
  invalid: [
    {
      sql: "ALTER TYPE post_status ADD VALUE 'archived';\nINSERT INTO posts (id, note, status) VALUES (2, 'archived', 'archived');",
      history: [posts],
      errors: [{ line: 2, column: 61 }],
      why: 'the value for the enum column, not the one for note',
    },
    {
      sql: "ALTER TYPE post_status ADD VALUE 'archived' AFTER 'published';\nUPDATE posts SET status = 'archived' WHERE id < 100;",
      history: [posts],
      errors: [{ line: 2, column: 27, message: `'archived' was added to enum post_status earlier in this transaction: PostgreSQL refuses to use it before that commits ("unsafe use of new value").` }],
      why: 'backfill in the same transaction',
    },
    {
      sql: '-- AlterEnum\nALTER TYPE "Role" ADD VALUE \'GUEST\';\n\n-- AlterTable\nALTER TABLE "User" ALTER COLUMN "role" SET DEFAULT \'GUEST\';',
      history: ['CREATE TYPE "Role" AS ENUM (\'USER\', \'ADMIN\');\nCREATE TABLE "User" ("id" TEXT NOT NULL, "role" "Role" NOT NULL DEFAULT \'USER\');'],
      errors: [{ line: 5, message: /'GUEST' was added to enum Role/ }],
      why: 'Prisma: new value as the column default',
    },
    {
      sql: "BEGIN;\nALTER TYPE post_status ADD VALUE 'archived';\nSELECT count(*) FROM posts WHERE status = 'archived'::post_status;\nCOMMIT;",
      history: [posts],
      errors: [{ line: 3, message: /'archived'/ }],
      why: 'a cast in an explicit transaction',
    },
  ],
});
