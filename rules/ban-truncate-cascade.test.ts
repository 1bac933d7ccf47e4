import { banTruncateCascade } from './ban-truncate-cascade.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banTruncateCascade, {
  valid: [
    'TRUNCATE users;',
    'TRUNCATE users RESTRICT;',
    'DROP TABLE users CASCADE;',
    "SELECT 'TRUNCATE users CASCADE';",
  ],
  invalid: [
    { sql: 'TRUNCATE users CASCADE;', errors: [{ line: 1, column: 1, message: /TRUNCATE users CASCADE .* references it/ }] },
    { sql: 'SELECT 1;\nTRUNCATE TABLE a, b CASCADE;', errors: [{ line: 2, message: /a, b CASCADE .* references them/ }] },
    { sql: 'CREATE TABLE c (id bigint);\nTRUNCATE c CASCADE;', errors: 1, why: 'cascades reach tables outside this file' },
    {
      sql: 'TRUNCATE users CASCADE;',
      history: ['CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users);\nCREATE TABLE order_lines (id bigint, order_id bigint REFERENCES orders ON DELETE CASCADE);\nCREATE TABLE notes (id bigint, user_id bigint REFERENCES users ON DELETE SET NULL);'],
      errors: [{ message: 'TRUNCATE users CASCADE also empties orders, order_lines, notes (they reference it, directly or through each other), and any table that references it outside the replayed history.' }],
      why: 'the tables the model knows to reference it are named, recursively',
    },
  ],
});
