import { banDropTable } from './ban-drop-table.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banDropTable, {
  valid: [
    'CREATE TABLE users (id bigint);',
    'DROP INDEX users_email_idx;',
    'DROP VIEW users_v;',
    { sql: 'CREATE TABLE tmp_import (id bigint);\nINSERT INTO tmp_import VALUES (1);\nDROP TABLE tmp_import;', why: 'a table created earlier in the same file' },
    { sql: "SELECT 'DROP TABLE users';", why: 'SQL inside a string literal' },
    { sql: 'CREATE TABLE ${flyway:defaultSchema}.staging (id bigint);\nDROP TABLE ${flyway:defaultSchema}.staging;', name: 'V2__staging.sql', why: 'Flyway placeholders name the same table' },
  ],
  invalid: [
    { sql: 'DROP TABLE users;', errors: [{ line: 1, column: 1, message: /users/ }] },
    { sql: 'SELECT 1;\nDROP TABLE ${schema}.old_things;', name: 'V3__drop.sql', errors: [{ line: 2, column: 1, message: /table \$schema\.old_things/ }], why: 'a Flyway placeholder is not a syntax error' },
    { sql: 'DROP TABLE ${schema}.old_things;\nSELEC 1;', name: 'V4__drop.sql', errors: [{ line: 1, column: 1 }], why: 'a placeholder before a syntax error: the statements before the error are still checked' },
    { sql: 'SELECT 1;\n  DROP TABLE IF EXISTS app.users, b;', errors: [{ line: 2, column: 3 }, { line: 2, column: 3 }] },
    { sql: 'DROP TABLE accounts;', history: ['CREATE TABLE accounts (id bigint);'], errors: [{ message: /accounts/ }], why: 'a table created by an earlier migration' },
    { sql: 'CREATE TABLE a (id bigint);\nDROP TABLE a, b;', errors: [{ line: 2, message: /table b / }], why: 'only the table not created here' },
  ],
});
