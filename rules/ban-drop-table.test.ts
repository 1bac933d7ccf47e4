import { banDropTable } from './ban-drop-table.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banDropTable, {
  valid: ['CREATE TABLE users (id bigint);', 'DROP INDEX users_email_idx;', 'DROP VIEW users_v;'],
  invalid: [
    { sql: 'DROP TABLE users;', errors: [{ line: 1, column: 1, message: /users/ }] },
    { sql: 'SELECT 1;\n  DROP TABLE IF EXISTS app.users, b;', errors: [{ line: 2, column: 3 }, { line: 2, column: 3 }] },
  ],
});
