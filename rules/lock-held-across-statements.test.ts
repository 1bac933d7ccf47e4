import { lockHeldAcrossStatements } from './lock-held-across-statements.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

const widgets = 'CREATE TABLE app.widgets (id bigint PRIMARY KEY, owner text, label varchar(50), price int);';
const others = 'CREATE TABLE orders (id bigint PRIMARY KEY, note text);';

ruleTester(lockHeldAcrossStatements, {
  valid: [
    {
      sql: 'ALTER TABLE app.widgets ADD COLUMN a text;\nALTER TABLE app.widgets ALTER COLUMN owner SET NOT NULL;',
      history: [widgets],
      why: 'SET NOT NULL locks the table ACCESS EXCLUSIVE for its scan anyway (adding-not-nullable-field reports it)',
    },
    {
      sql: "ALTER TABLE \"User\" ALTER COLUMN \"role\" DROP DEFAULT;\nALTER TABLE \"User\" ALTER COLUMN \"role\" TYPE text USING (\"role\"::text);",
      history: ['CREATE TABLE "User" ("id" text, "role" text);'],
      why: 'Prisma enum swap: the rewrite takes the same lock itself',
    },
    { sql: 'ALTER TABLE app.widgets ADD COLUMN a text;\nALTER TABLE app.widgets ADD COLUMN b text;', history: [widgets], why: 'fast catalog changes' },
    { sql: 'CREATE INDEX widgets_owner_idx ON app.widgets (owner);\nALTER TABLE app.widgets ADD COLUMN a text;', history: [widgets], why: 'the slow statement comes first' },
    {
      sql: 'CREATE TABLE app.widgets (id bigint, owner text);\nALTER TABLE app.widgets ADD COLUMN a text;\nCREATE INDEX ON app.widgets (owner);',
      why: 'new table: no one waits',
    },
    {
      sql: '-- pgwarden:no-transaction\nALTER TABLE app.widgets ADD COLUMN a text;\nCREATE INDEX CONCURRENTLY ON app.widgets (owner);',
      history: [widgets],
      why: 'no transaction: the lock ends with the statement',
    },
    {
      sql: 'BEGIN;\nALTER TABLE app.widgets ADD COLUMN a text;\nCOMMIT;\nBEGIN;\nCREATE INDEX ON app.widgets (owner);\nCOMMIT;',
      history: [widgets],
      why: 'separate transactions',
    },
    {
      sql: 'ALTER TABLE app.widgets ADD COLUMN a text;\nUPDATE app.widgets SET a = owner;',
      history: [widgets],
      why: 'a backfill of the locked table is backfill-in-ddl-transaction’s',
    },
    {
      sql: 'ALTER TABLE app.widgets VALIDATE CONSTRAINT c;\nCREATE INDEX ON app.widgets (owner);',
      history: [widgets],
      why: 'SHARE UPDATE EXCLUSIVE is not ACCESS EXCLUSIVE',
    },
    {
      sql: "ALTER TABLE app.widgets ADD COLUMN a text;\nINSERT INTO orders (id, note) VALUES (1, 'x');",
      history: [widgets, others],
      why: 'a single-row insert is quick',
    },
    {
      sql: 'ALTER TABLE app.widgets ADD COLUMN a text;\nCREATE TABLE t2 (id int);\nCREATE INDEX ON t2 (id);',
      history: [widgets],
      why: 'index on a new table is instant',
    },
    {
      sql: 'DROP TABLE app.old_widgets;\nUPDATE orders SET note = NULL;',
      history: [widgets, others],
      why: 'the dropped table’s own lock is ban-drop-table’s business',
    },
    {
      sql: 'CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x;\nREFRESH MATERIALIZED VIEW mv;\nCREATE INDEX ON mv (x);',
      why: 'a materialized view created in the same file',
    },
    {
      sql: "ALTER TABLE app.widgets ADD COLUMN a text;\nUPDATE orders SET note = 'x' WHERE id = 7;\nDELETE FROM orders WHERE id IN (1, 2);",
      history: [widgets, others],
      why: 'a data fix pinned to a unique key is not a bulk write',
    },
    {
      sql: "ALTER TABLE app.widgets ADD COLUMN a text;\nALTER TABLE app.widgets ADD CONSTRAINT widgets_price_check CHECK (price > 0) NOT VALID;\nALTER TABLE app.widgets VALIDATE CONSTRAINT widgets_price_check;",
      history: [widgets],
      why: 'dbmate/Flyway: validating what this transaction added NOT VALID is constraint-missing-not-valid’s finding',
    },
  ],
  invalid: [
    {
      sql: 'ALTER TABLE app.widgets RENAME COLUMN label TO title;\nALTER TABLE contacts ADD COLUMN backup email_address;',
      history: [widgets, "CREATE TABLE contacts (id bigint);\nCREATE DOMAIN email_address AS text CHECK (VALUE LIKE '%@%');"],
      errors: [{ line: 2, message: /app\.widgets/ }],
      why: 'a column of a constrained domain rewrites its table while the earlier lock is held',
    },
    {
      sql: "BEGIN;\nSET LOCAL lock_timeout = '2s';\nALTER TABLE app.widgets ADD COLUMN is_admin boolean NOT NULL DEFAULT false;\nCREATE INDEX widgets_owner_idx ON app.widgets (owner);\nCOMMIT;",
      history: [widgets],
      errors: [{ line: 4, column: 1, message: 'CREATE INDEX runs while app.widgets stays ACCESS EXCLUSIVE locked (taken by ADD COLUMN at line 3) until the transaction commits.' }],
    },
    {
      sql: 'ALTER TABLE app.widgets RENAME COLUMN label TO title;\nALTER TABLE app.widgets VALIDATE CONSTRAINT widgets_price_check;',
      history: [widgets],
      errors: [{ message: /VALIDATE CONSTRAINT runs while app\.widgets/ }],
    },
    {
      sql: 'ALTER TABLE app.widgets ADD COLUMN a text;\nUPDATE orders SET note = NULL;',
      history: [widgets, others],
      errors: [{ message: /bulk write runs while app\.widgets/ }],
    },
    {
      sql: 'ALTER TABLE app.widgets ADD COLUMN a text;\nALTER TABLE orders ALTER COLUMN note TYPE varchar(10);',
      history: [widgets, others],
      errors: [{ message: /ALTER COLUMN TYPE runs while app\.widgets/ }],
      why: 'a rewrite of another table',
    },
    {
      sql: 'ALTER TABLE app.widgets ADD COLUMN a text;\nALTER TABLE app.widgets ADD CONSTRAINT widgets_owner_check CHECK (owner <> \'\') NOT VALID;\nALTER TABLE app.widgets ADD CONSTRAINT widgets_id_fk FOREIGN KEY (id) REFERENCES orders (id);',
      history: [widgets, others],
      errors: [{ line: 3, message: /ADD FOREIGN KEY runs while app\.widgets stays ACCESS EXCLUSIVE locked/ }],
      why: 'the FK validation alone would let reads go on (SHARE ROW EXCLUSIVE); the earlier lock blocks them',
    },
    {
      sql: 'LOCK TABLE orders IN ACCESS EXCLUSIVE MODE;\nCREATE INDEX ON orders (note);\nCREATE INDEX ON orders (id, note);',
      history: [others],
      errors: 2,
    },
    {
      sql: 'ALTER TABLE app.widgets ADD COLUMN a text;\nALTER TABLE orders ADD COLUMN b text;\nCREATE INDEX ON app.widgets (a);',
      history: [widgets, others],
      errors: [{ line: 3, message: 'CREATE INDEX runs while app.widgets (ADD COLUMN at line 1), orders (ADD COLUMN at line 2) stay ACCESS EXCLUSIVE locked until the transaction commits.' }],
      why: 'several tables: plural verb; tables locked by different statements each name their own',
    },
    {
      sql: 'ALTER TABLE app.widgets ADD COLUMN a text;\nALTER TABLE orders ADD COLUMN b text;\nUPDATE customers SET name = name WHERE id < 100;',
      history: [widgets, others, 'CREATE TABLE customers (id bigint PRIMARY KEY, name text);'],
      errors: [{ line: 3, message: /bulk write runs while app\.widgets \(ADD COLUMN at line 1\), orders \(ADD COLUMN at line 2\) stay ACCESS EXCLUSIVE locked/ }],
    },
  ],
});
