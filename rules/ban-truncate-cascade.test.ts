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
  ],
});
