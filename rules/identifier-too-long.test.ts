import { identifierTooLong } from './identifier-too-long.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

const long = 'a'.repeat(64);
const max = 'a'.repeat(63);
// 32 two-byte characters: 32 characters, 64 bytes
const accented = 'é'.repeat(32);

ruleTester(identifierTooLong, {
  valid: [
    `CREATE TABLE ${max} (id bigint);`,
    `CREATE INDEX "${'é'.repeat(31)}x" ON t (id);`,
    `SELECT * FROM ${long};`,
    `COMMENT ON TABLE t IS '${long}';`,
    { sql: `CREATE TABLE t (${max} int, "${max}" int);`, why: 'exactly 63 bytes, quoted or not' },
  ],
  invalid: [
    { sql: `CREATE TABLE ${long} (id bigint);`, errors: [{ line: 1, column: 14, message: `Identifier "${long}" is 64 bytes; PostgreSQL truncates it to "${max}" (63 bytes).` }] },
    { sql: `SELECT 1;\nALTER TABLE t ADD COLUMN "${accented}" text;`, errors: [{ line: 2, column: 26, message: /is 64 bytes; .* \(62 bytes\)/ }], why: 'bytes, not characters; a character is never split' },
    { sql: `CREATE INDEX ${long}_idx ON t (id);\nALTER INDEX i RENAME TO ${long};`, errors: [{ line: 1 }, { line: 2, column: 25 }] },
    { sql: `DO $$ BEGIN\n  ALTER TABLE t RENAME COLUMN a TO ${long};\nEND $$;`, errors: [{ line: 2, column: 36 }], why: 'inside a DO block' },
  ],
});
