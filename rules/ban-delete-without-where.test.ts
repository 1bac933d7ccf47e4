import { banDeleteWithoutWhere } from './ban-delete-without-where.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banDeleteWithoutWhere, {
  valid: [
    'DELETE FROM sessions WHERE expires_at < now();',
    'DELETE FROM sessions WHERE 1 = 0;',
    { sql: 'DELETE FROM sessions WHERE expires_at < now() AND 1 = 1;', why: 'a real condition ANDed with a constant' },
    'DELETE FROM t USING u WHERE t.id = u.id;',
    { sql: 'CREATE TABLE import_buffer (id bigint);\nDELETE FROM import_buffer;', why: 'table created in the same file' },
    { sql: 'CREATE FUNCTION purge() RETURNS void LANGUAGE sql AS $$ DELETE FROM logs $$;', why: 'function bodies run later' },
    'WITH gone AS (DELETE FROM sessions WHERE expires_at < now() RETURNING id) SELECT count(*) FROM gone;',
    { sql: 'CREATE TABLE buffer (id bigint);\nWITH d AS (DELETE FROM buffer RETURNING id) SELECT count(*) FROM d;', why: 'CTE on a table created in the same file' },
    { sql: "DO $$ DECLARE t text := 'logs'; BEGIN EXECUTE 'DELETE FROM ' || t; END $$;", why: 'a string built from a variable is not known' },
  ],
  invalid: [
    { sql: 'DELETE FROM sessions WHERE true;', errors: [{ message: 'DELETE with a WHERE that is always true (true) removes every row of sessions.' }], why: 'WHERE true is no condition' },
    { sql: 'DELETE FROM sessions WHERE 1 = 1;', errors: [{ message: /always true \(1 = 1\)/ }] },
    { sql: 'DELETE FROM sessions WHERE NOT (1 <> 1) OR expires_at < now();', errors: 1, why: 'an OR with a constant-true side' },
    { sql: 'DELETE FROM sessions;', errors: [{ line: 1, column: 1, message: /every row of sessions/ }] },
    {
      sql: 'DELETE FROM users;',
      history: ['CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint REFERENCES users ON DELETE CASCADE);\nCREATE TABLE notes (id bigint, user_id bigint REFERENCES users ON DELETE SET NULL);'],
      errors: [{ message: 'DELETE without WHERE removes every row of users, and with them every row of orders (ON DELETE CASCADE) and every notes.user_id (set to NULL).' }],
      why: 'the children its foreign keys reach are named',
    },
    { sql: 'WITH x AS (SELECT 1) DELETE FROM app.logs USING x;', errors: [{ message: /app\.logs/ }] },
    { sql: 'DO $$\nBEGIN\n  DELETE FROM users;\nEND $$;', errors: [{ line: 3, column: 3 }], why: 'inside a DO block' },
    {
      sql: 'SELECT 1;\nWITH moved AS (DELETE FROM sessions RETURNING *)\nINSERT INTO sessions_archive SELECT * FROM moved;',
      errors: [{ line: 2, column: 28, message: /every row of sessions/ }],
      why: 'a data-modifying CTE runs in full',
    },
    { sql: "DO $$ BEGIN EXECUTE 'DELETE FROM users'; END $$;", errors: [{ line: 1, column: 22 }], why: 'EXECUTE of a constant string' },
  ],
});
