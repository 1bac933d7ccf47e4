import { banUpdateWithoutWhere } from './ban-update-without-where.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banUpdateWithoutWhere, {
  valid: [
    "UPDATE users SET status = 'active' WHERE status IS NULL;",
    'UPDATE users SET flag = false WHERE id > 0 OR id IS NULL;',
    { sql: 'UPDATE users SET flag = false WHERE 1 = 2;', why: 'a constant-false predicate changes nothing' },
    { sql: 'UPDATE users SET flag = false WHERE flag AND true;', why: 'TRUE ANDed with a real condition' },
    { sql: 'CREATE TABLE t (id bigint, v int);\nUPDATE t SET v = 0;', why: 'table created in the same file' },
    { sql: 'UPDATE users SET full_name = first_name WHERE id BETWEEN 1 AND 10000;', why: 'a batch of a backfill' },
    "SELECT 'UPDATE users SET a = 1';",
    "WITH u AS (UPDATE users SET plan = 'free' WHERE plan IS NULL RETURNING id) SELECT count(*) FROM u;",
  ],
  invalid: [
    { sql: 'UPDATE users SET flag = false WHERE true;', errors: [{ message: 'UPDATE with a WHERE that is always true (true) overwrites flag in every row of users.' }], why: 'WHERE true is no condition' },
    { sql: 'UPDATE users SET flag = false WHERE 1 = 1;', errors: [{ message: /always true \(1 = 1\)/ }] },
    { sql: "UPDATE users SET flag = false WHERE 'a' = 'a' AND (TRUE OR flag) AND NOT false AND 2 > 1;", errors: 1, why: 'constant comparisons, AND, OR and NOT of constants' },
    { sql: "UPDATE users SET flag = false WHERE 't'::boolean;", errors: 1, why: 'a boolean literal cast' },
    { sql: "UPDATE users SET status = 'active';", errors: [{ line: 1, column: 1, message: 'UPDATE without WHERE overwrites status in every row of users.' }] },
    { sql: 'ALTER TABLE users ADD COLUMN full_name text;\nUPDATE users SET full_name = first_name, last_name = NULL;', errors: [{ line: 2, message: /full_name, last_name in every row of users/ }], why: 'a one-statement backfill still locks and rewrites every row' },
    {
      sql: "ALTER TABLE members ADD COLUMN role text;\nUPDATE members SET role = 'owner';",
      history: ['CREATE TABLE members (id bigserial PRIMARY KEY, email text NOT NULL);'],
      errors: [{ line: 2, message: 'UPDATE without WHERE backfills role in every row of members in one statement.' }],
      why: 'dbmate: a column added in this file holds nothing to overwrite; the finding is about the one-shot backfill',
    },
    { sql: 'UPDATE app.accounts SET balance = 0;', history: ['CREATE TABLE app.accounts (id bigint, balance int);'], errors: 1 },
    { sql: 'DO $$ BEGIN\n  UPDATE users SET a = 1;\nEND $$;', errors: [{ line: 2, column: 3 }] },
    { sql: "WITH u AS (UPDATE users SET plan = 'free' RETURNING id)\nSELECT count(*) FROM u;", errors: [{ line: 1, column: 19, message: /plan in every row of users/ }], why: 'a data-modifying CTE' },
    { sql: "DO $$\nBEGIN\n  EXECUTE format('UPDATE %I SET a = %L', 'users', 'x');\nEND $$;", errors: [{ line: 3, column: 11, message: /every row of users/ }], why: 'EXECUTE format() of constants' },
  ],
});
