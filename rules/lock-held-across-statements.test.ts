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
    {
      sql: "ALTER TABLE app.widgets ADD COLUMN a text;\nSELECT set_config('statement_timeout', '5s', true);\nSELECT 1;\nSELECT note FROM orders WHERE id = 7;\nSELECT id FROM orders LIMIT 1;",
      history: [widgets, others],
      why: 'reads without a table, pinned to a key, or bounded by a LIMIT are quick',
    },
    {
      sql: 'ALTER TABLE app.widgets ADD COLUMN a text;\nCREATE INDEX ON app.widgets (a);',
      history: [widgets],
      transaction: 'per-statement',
      why: 'each statement autocommits: nothing is held across statements',
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
      errors: [{ line: 2 }],
      why: 'one held lock is one finding, at the first slow statement after it (not one per later statement)',
    },
    {
      sql: 'ALTER TABLE app.widgets ADD COLUMN a text;\nALTER TABLE orders ADD COLUMN b text;\nCREATE INDEX ON app.widgets (a);\nCREATE INDEX ON orders (b);\nALTER TABLE customers ADD COLUMN c text;\nCREATE INDEX ON customers (c);',
      history: [widgets, others, 'CREATE TABLE customers (id bigint PRIMARY KEY, name text);'],
      errors: [
        { line: 3, message: /app\.widgets \(ADD COLUMN at line 1\), orders \(ADD COLUMN at line 2\)/ },
        { line: 6, message: 'CREATE INDEX runs while customers stays ACCESS EXCLUSIVE locked (taken by ADD COLUMN at line 5) until the transaction commits.' },
      ],
      why: 'later slow statements are reported only for tables locked since the last finding',
    },
    {
      sql: 'ALTER TABLE app.widgets ADD COLUMN a text;\nALTER TABLE orders ADD COLUMN b text, ALTER COLUMN note TYPE varchar(10);',
      history: [widgets, others],
      errors: [{ line: 2, message: /^ALTER COLUMN TYPE runs while app\.widgets/ }],
      why: 'the message names the rewriting action of a multi-action ALTER, not the cheap one before it',
    },
    {
      sql: 'ALTER TABLE orders ADD COLUMN b text, ALTER COLUMN note TYPE varchar(10);\nCREATE INDEX ON app.widgets (owner);',
      history: [widgets, others],
      errors: [{ line: 2, message: /taken by ALTER COLUMN TYPE at line 1/ }],
    },
    {
      sql: 'DROP INDEX legacy_idx;\nCREATE INDEX ON orders (note);',
      history: [others],
      errors: [{ line: 2, message: 'CREATE INDEX runs while the table of index legacy_idx stays ACCESS EXCLUSIVE locked (taken by DROP INDEX at line 1) until the transaction commits.' }],
      why: 'an index whose table the model does not know is not called a table',
    },
    {
      sql: 'ALTER TABLE app.widgets ADD COLUMN a text;\nSELECT count(*) FROM orders;',
      history: [widgets, others],
      errors: [{ line: 2, message: 'reading orders (SELECT) runs while app.widgets stays ACCESS EXCLUSIVE locked (taken by ADD COLUMN at line 1) until the transaction commits.' }],
      why: 'a long read after the lock keeps the table blocked just the same',
    },
    {
      sql: 'ALTER TABLE orders ADD COLUMN a text;\nSELECT count(*) FROM orders o JOIN customers c ON c.id = o.id;',
      history: [others, 'CREATE TABLE customers (id bigint PRIMARY KEY, name text);'],
      errors: [{ message: /^reading orders, customers \(SELECT\) runs while orders stays/ }],
      why: 'a read of the locked table itself',
    },
    {
      sql: 'ALTER TABLE app.widgets ADD COLUMN a text;\nCREATE TABLE order_copy AS SELECT * FROM orders;',
      history: [widgets, others],
      errors: [{ message: /^reading orders \(CREATE TABLE AS\) runs while app\.widgets/ }],
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
