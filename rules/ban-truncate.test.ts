import { banTruncate } from './ban-truncate.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banTruncate, {
  valid: [
    'DELETE FROM sessions WHERE expires_at < now();',
    { sql: 'CREATE TABLE import_buffer (id bigint);\nTRUNCATE import_buffer;', why: 'table created in the same file' },
    { sql: 'TRUNCATE orders CASCADE;', why: 'reported by ban-truncate-cascade' },
    "SELECT 'TRUNCATE users';",
  ],
  invalid: [
    { sql: 'TRUNCATE users;', errors: [{ line: 1, column: 10, message: /every row of users/ }] },
    { sql: 'TRUNCATE TABLE a, app.b RESTART IDENTITY;', errors: [{ column: 16, message: / a / }, { column: 19, message: /app\.b/ }] },
    { sql: 'CREATE TABLE n (id bigint);\nTRUNCATE n, old;', errors: [{ line: 2, column: 13, message: /old/ }], why: 'only the table not created here' },
  ],
});
