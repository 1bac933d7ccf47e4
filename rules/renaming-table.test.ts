import { renamingTable } from './renaming-table.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(renamingTable, {
  valid: [
    { sql: 'CREATE VIEW v AS SELECT 1 AS n;\nALTER VIEW v RENAME TO v2;', why: 'view created in the same file' },
    'ALTER TABLE users RENAME COLUMN a TO b;',
    'ALTER INDEX users_email_idx RENAME TO users_email_key;',
    { sql: 'CREATE TABLE tmp_users (id bigint);\nALTER TABLE tmp_users RENAME TO users;', why: 'table created in the same file' },
    { sql: 'ALTER TABLE users RENAME TO customers;\nCREATE VIEW users AS SELECT * FROM customers;', why: 'compatibility view with the old name' },
    { sql: 'ALTER TABLE app.users RENAME TO customers;\nCREATE VIEW app.users AS SELECT * FROM app.customers;', why: 'compatibility view in the same schema' },
    {
      sql: 'CREATE TABLE users_new (id bigint);\nALTER TABLE users RENAME TO users_old;\nALTER TABLE users_new RENAME TO users;',
      history: ['CREATE TABLE users (id bigint);'],
      why: 'a table swap: the old name names the new table',
    },
    { sql: 'CREATE SCHEMA staging;\nALTER SCHEMA staging RENAME TO imports;', why: 'schema created in the same file' },
    { sql: 'CREATE TABLE t (id bigint);\nALTER TABLE t SET SCHEMA archive;', why: 'table created in the same file' },
    { sql: 'ALTER TABLE users SET SCHEMA app;\nCREATE VIEW users AS SELECT * FROM app.users;', why: 'compatibility view with the old name' },
    'ALTER FUNCTION f() SET SCHEMA app;',
  ],
  invalid: [
    {
      sql: 'ALTER SCHEMA public RENAME TO app;',
      errors: [{ line: 1, column: 1, message: 'Renaming schema public to app breaks code that still uses names qualified with public.' }],
      why: 'strong_migrations rename_schema',
    },
    {
      sql: 'ALTER TABLE users SET SCHEMA archive;\nALTER VIEW reports.daily SET SCHEMA archive;',
      errors: [
        { line: 1, message: 'Moving table users to schema archive breaks code that still uses its old name.' },
        { line: 2, message: /Moving view reports\.daily/ },
      ],
    },
    {
      sql: 'ALTER TABLE users RENAME TO users_old;\nALTER TABLE app.users_new RENAME TO users;',
      errors: [{ line: 1, message: /users to users_old/ }, { line: 2, message: /app\.users_new/ }],
      why: 'the table swapped in lives in another schema (and is itself renamed)',
    },
    {
      sql: 'ALTER VIEW active_users RENAME TO current_users;\nALTER MATERIALIZED VIEW monthly_sales RENAME TO sales_by_month;',
      history: ['CREATE TABLE users (id bigint, active boolean);\nCREATE VIEW active_users AS SELECT * FROM users WHERE active;\nCREATE MATERIALIZED VIEW monthly_sales AS SELECT 1 AS n;'],
      errors: [
        { line: 1, message: 'Renaming view active_users to current_users breaks code that still uses the old name.' },
        { line: 2, message: /Renaming materialized view monthly_sales/ },
      ],
      why: 'code reads views by name too',
    },
    { sql: 'ALTER TABLE users RENAME TO customers;', errors: [{ line: 1, column: 1, message: 'Renaming table users to customers breaks code that still uses the old name.' }] },
    { sql: 'ALTER TABLE app.users RENAME TO customers;\nCREATE VIEW users AS SELECT * FROM app.customers;', errors: [{ message: /app\.users/ }], why: 'the view is in another schema' },
    { sql: 'ALTER TABLE accounts RENAME TO ledger;', history: ['CREATE TABLE accounts (id bigint);'], errors: 1 },
    { sql: 'CREATE VIEW users AS SELECT 1;\nALTER TABLE users2 RENAME TO customers;', errors: 1, why: 'a view created before the rename is unrelated' },
    {
      sql: 'ALTER TABLE accounts ADD COLUMN note text;\nALTER TABLE accounts RENAME TO users;',
      history: ['CREATE TABLE accounts (id bigint);'],
      errors: [{ line: 2, message: 'Renaming table accounts to users breaks code that still uses the old name; this migration also adds column note to accounts at line 1, so expand and contract happen in one step.' }],
      why: 'the one finding for the rename names the expand step',
    },
  ],
});
