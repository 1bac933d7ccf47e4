import { deleteCascadesToChildren } from './delete-cascades-to-children.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

const shop = [
  'CREATE TABLE users (id bigint PRIMARY KEY, email text);',
  'CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users ON DELETE CASCADE);',
  'CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id) ON DELETE CASCADE);',
  'CREATE TABLE notes (id bigint PRIMARY KEY, author_id bigint REFERENCES users ON DELETE SET NULL);',
  'CREATE TABLE audit (id bigint PRIMARY KEY, user_id bigint REFERENCES users);',
].join('\n');

ruleTester(deleteCascadesToChildren, {
  valid: [
    { sql: "DELETE FROM audit WHERE id < 100;", history: [shop], why: 'nothing references audit' },
    { sql: "DELETE FROM users WHERE email LIKE '%@test.invalid';", history: ['CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE TABLE audit (id bigint, user_id bigint REFERENCES users);'], why: 'NO ACTION: the DELETE fails instead of reaching the child' },
    { sql: 'DELETE FROM users;', history: [shop], why: 'without WHERE it is ban-delete-without-where’s finding, which names the children' },
    { sql: "CREATE TABLE tmp (id bigint PRIMARY KEY);\nCREATE TABLE tmp_child (id bigint, tmp_id bigint REFERENCES tmp ON DELETE CASCADE);\nDELETE FROM tmp WHERE id = 1;", why: 'tables created in the same file hold nothing anyone relies on' },
    { sql: "DELETE FROM users WHERE id = 1;", why: 'the model knows no foreign keys to users' },
  ],
  invalid: [
    {
      sql: "DELETE FROM users WHERE email LIKE '%@test.invalid';",
      history: [shop],
      errors: [{ line: 1, column: 1, message: 'Deleting rows of users also deletes the rows of orders, order_lines that reference them (ON DELETE CASCADE) and sets notes.author_id to NULL (ON DELETE SET NULL).' }],
    },
    {
      sql: 'DELETE FROM orders WHERE id = 7;',
      history: [shop],
      errors: [{ message: 'Deleting rows of orders also deletes the rows of order_lines that reference them (ON DELETE CASCADE).' }],
      why: 'even one row by key takes its children with it',
    },
    {
      sql: 'WITH gone AS (DELETE FROM users WHERE id < 10 RETURNING id) SELECT count(*) FROM gone;',
      history: [shop],
      errors: [{ message: /^Deleting rows of users also deletes the rows of orders, order_lines/ }],
      why: 'a data-modifying CTE',
    },
  ],
});
