import { banDuplicateColumnAssignments } from './ban-duplicate-column-assignments.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banDuplicateColumnAssignments, {
  valid: [
    'UPDATE t SET a = 1, b = 2 WHERE id = 1;',
    'UPDATE t SET c.x = 1, c.y = 2 WHERE id = 1;',
    { sql: 'UPDATE t SET a[1] = 5, a[2] = 6, c.x = 1, c.x = 2 WHERE id = 1;', why: 'PostgreSQL merges element and field assignments (checked on 15)' },
    'UPDATE t SET (a, b) = (1, 2) WHERE id = 1;',
    'INSERT INTO t (a, b) VALUES (1, 2) ON CONFLICT (a) DO UPDATE SET b = excluded.b;',
    'SELECT a, a FROM t;',
  ],
  invalid: [
    { sql: 'UPDATE t SET a = 1, a = 2 WHERE id = 1;', errors: [{ line: 1, column: 21, message: 'Column a of t is assigned more than once; PostgreSQL rejects this UPDATE.' }] },
    { sql: "UPDATE t SET a = '{1}', a[1] = 6 WHERE id = 1;", errors: [{ column: 25, message: /Column a of t/ }], why: 'a whole-column assignment next to an element one' },
    { sql: 'UPDATE app.t SET a = 1, (b, a) = (2, 3);', errors: [{ column: 29, message: /Column a of app\.t/ }] },
    { sql: 'INSERT INTO t (a) VALUES (1) ON CONFLICT (a) DO UPDATE SET b = 1, b = 2;', errors: [{ message: /Column b of t/ }] },
    { sql: 'UPDATE t SET a = 1, a = 2, a = 3, b = 1, b = 2;', errors: [{ message: /Column a / }, { message: /Column b / }], why: 'one finding per column' },
  ],
});
