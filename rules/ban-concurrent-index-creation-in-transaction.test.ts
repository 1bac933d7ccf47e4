import { banConcurrentIndexCreationInTransaction } from './ban-concurrent-index-creation-in-transaction.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banConcurrentIndexCreationInTransaction, {
  valid: [
    { sql: '-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY events_created_at_idx ON events (created_at);', why: 'no-transaction file' },
    { sql: "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY events_created_at_idx ON events (created_at);", why: 'the runner runs a file with CONCURRENTLY outside a transaction' },
    {
      sql: 'BEGIN;\nCREATE TABLE t (id bigint);\nCOMMIT;\nCREATE INDEX CONCURRENTLY t_id_idx ON t (id);',
      why: 'CONCURRENTLY after the file\'s own COMMIT',
    },
    { sql: 'BEGIN;\nCREATE INDEX events_created_at_idx ON events (created_at);\nCOMMIT;', why: 'not concurrent' },
    { sql: 'DROP INDEX CONCURRENTLY events_created_at_idx;', transaction: 'per-statement', why: 'per-statement assumption: autocommitted' },
  ],
  invalid: [
    {
      sql: "BEGIN;\nSET LOCAL lock_timeout = '2s';\nALTER TABLE events ADD COLUMN note text;\nCOMMIT AND CHAIN;\nCREATE INDEX CONCURRENTLY events_note_idx ON events (note);\nCOMMIT;",
      errors: [{ line: 5, message: /^CREATE INDEX CONCURRENTLY inside/ }],
      why: 'COMMIT AND CHAIN opens the next transaction at once',
    },
    {
      sql: "BEGIN;\nSET LOCAL lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY events_created_at_idx ON events (created_at);\nCOMMIT;",
      errors: [{ line: 3, column: 1, message: 'CREATE INDEX CONCURRENTLY inside the BEGIN … COMMIT of this file fails: PostgreSQL cannot run it inside a transaction block.' }],
    },
    {
      sql: 'START TRANSACTION;\nDROP INDEX CONCURRENTLY a_idx;\nREINDEX INDEX CONCURRENTLY b_idx;\nCOMMIT;',
      history: ['CREATE TABLE t (a int, b int);\nCREATE INDEX a_idx ON t (a);\nCREATE INDEX b_idx ON t (b);'],
      errors: [{ line: 2, message: /^DROP INDEX CONCURRENTLY inside/ }, { line: 3, message: /^REINDEX CONCURRENTLY inside/ }],
    },
    {
      sql: "DO $$\nBEGIN\n  CREATE INDEX CONCURRENTLY t_a_idx ON t (a);\nEND\n$$;",
      errors: [{ line: 3, message: /inside a DO block fails/ }],
    },
  ],
});
