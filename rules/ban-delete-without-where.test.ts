import { banDeleteWithoutWhere } from './ban-delete-without-where.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banDeleteWithoutWhere, {
  valid: [
    'DELETE FROM sessions WHERE expires_at < now();',
    'DELETE FROM sessions WHERE true;',
    'DELETE FROM t USING u WHERE t.id = u.id;',
    { sql: 'CREATE TABLE import_buffer (id bigint);\nDELETE FROM import_buffer;', why: 'table created in the same file' },
    { sql: 'CREATE FUNCTION purge() RETURNS void LANGUAGE sql AS $$ DELETE FROM logs $$;', why: 'function bodies run later' },
  ],
  invalid: [
    { sql: 'DELETE FROM sessions;', errors: [{ line: 1, column: 1, message: /every row of sessions/ }] },
    { sql: 'WITH x AS (SELECT 1) DELETE FROM app.logs USING x;', errors: [{ message: /app\.logs/ }] },
    { sql: 'DO $$\nBEGIN\n  DELETE FROM users;\nEND $$;', errors: [{ line: 3, column: 3 }], why: 'inside a DO block' },
  ],
});
