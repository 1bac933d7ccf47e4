import { preferJsonb } from './prefer-jsonb.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(preferJsonb, {
  valid: [
    'CREATE TABLE t (payload jsonb);',
    "ALTER TABLE t ADD COLUMN payload jsonb NOT NULL DEFAULT '{}';",
    "SELECT '{}'::json;",
    'ALTER TABLE t ALTER COLUMN payload TYPE jsonb USING payload::jsonb;',
  ],
  invalid: [
    { sql: 'CREATE TABLE t (payload json);', errors: [{ line: 1, column: 25, message: 't.payload is json; use jsonb.' }] },
    { sql: 'ALTER TABLE t ADD COLUMN docs json[];', errors: [{ message: /t\.docs is json\[\]/ }] },
    { sql: 'ALTER TABLE app.t ALTER COLUMN p TYPE json;', errors: [{ message: /app\.t\.p/ }] },
  ],
});
