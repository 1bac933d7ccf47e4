import { preferBigintOverInt } from './prefer-bigint-over-int.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(preferBigintOverInt, {
  valid: [
    'CREATE TABLE t (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, qty integer);',
    'CREATE TABLE t (id bigserial PRIMARY KEY, customer_id bigint REFERENCES c (id));',
    { sql: 'ALTER TABLE t ADD COLUMN retries int NOT NULL DEFAULT 0;', why: 'a plain quantity, not a key' },
    { sql: 'CREATE TEMP TABLE scratch (id int, user_id integer);', why: 'a temporary table lives for one session' },
    { sql: 'CREATE TABLE "Coupon" ("percentOff" INTEGER NOT NULL, "validUntil" TIMESTAMPTZ);', why: 'camelCase non-key columns' },
    { sql: 'CREATE TABLE t (id uuid PRIMARY KEY, tags int[]);', why: 'arrays are not keys' },
    { sql: 'CREATE TABLE t (id myschema.int4 PRIMARY KEY);', why: 'a type in another schema' },
    { sql: 'CREATE TABLE lines (invoice_id bigint, line_no integer, PRIMARY KEY (invoice_id, line_no));', why: 'a position inside a composite key does not run out' },
  ],
  invalid: [
    { sql: 'CREATE TABLE "Order" ("id" BIGINT NOT NULL, "couponId" INTEGER);', errors: [{ line: 1, message: /Order\.couponId is integer/ }], why: 'camelCase foreign key (Prisma)' },
    { sql: 'CREATE TABLE t (id serial PRIMARY KEY);', errors: [{ line: 1, column: 20, message: /t\.id is serial/ }] },
    { sql: 'CREATE TABLE t (\n  id bigint PRIMARY KEY,\n  user_id integer REFERENCES users (id)\n);', errors: [{ line: 3, column: 11, message: /t\.user_id is integer/ }] },
    { sql: 'CREATE TABLE t (a int4, b text, PRIMARY KEY (a));', errors: 1, why: 'table-level primary key' },
    { sql: 'CREATE TABLE t (user_id int, group_id int, PRIMARY KEY (user_id, group_id));', errors: 2, why: 'composite key of ids' },
    { sql: 'ALTER TABLE orders ALTER COLUMN account_id TYPE integer;', errors: [{ column: 49 }] },
    { sql: 'CREATE TABLE groups (id bigint PRIMARY KEY, member_ids int[], parent_id int4[]);', errors: [{ message: /groups\.member_ids is integer\[\]/ }, { message: /groups\.parent_id is integer\[\]/ }], why: 'arrays of ids run out like the ids they hold' },
    { sql: 'ALTER TABLE t ADD COLUMN "tagIds" integer[];', errors: 1, why: 'camelCase plural of a key' },
    { sql: 'ALTER TABLE t ADD COLUMN scores int[];', options: { allColumns: true }, errors: 1, why: 'allColumns covers arrays too' },
    { sql: 'ALTER TABLE t ADD COLUMN qty int;', options: { allColumns: true }, errors: 1, why: 'allColumns option' },
  ],
});
