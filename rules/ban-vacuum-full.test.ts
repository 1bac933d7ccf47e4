import { banVacuumFull } from './ban-vacuum-full.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banVacuumFull, {
  valid: [
    { sql: '-- pgwarden:no-transaction\nVACUUM events;', why: 'plain VACUUM' },
    { sql: '-- pgwarden:no-transaction\nVACUUM (ANALYZE, VERBOSE) events;', why: 'VACUUM with options, no FULL' },
    { sql: 'ANALYZE events;', why: 'ANALYZE' },
    { sql: '-- pgwarden:no-transaction\nVACUUM (FULL false) events;', history: ['CREATE TABLE events (id bigint);'], why: 'FULL false is a plain VACUUM (the table keeps its relfilenode, checked on 15)' },
    { sql: '-- pgwarden:no-transaction\nVACUUM (FULL off, ANALYZE) events;', why: 'off is false too' },
    { sql: '-- pgwarden:no-transaction\nVACUUM (FULL 0) events;', why: '0 is false too' },
    { sql: 'CREATE TABLE events (id bigint PRIMARY KEY);\nCLUSTER events USING events_pkey;', why: 'table created in the same file' },
  ],
  invalid: [
    {
      sql: '-- pgwarden:no-transaction\nVACUUM FULL events;',
      errors: [{ line: 2, column: 13, message: 'VACUUM FULL rewrites events while holding an ACCESS EXCLUSIVE lock, blocking reads and writes of events until it is done.' }],
    },
    {
      sql: '-- pgwarden:no-transaction\nVACUUM (FULL, ANALYZE) events, app.logs;',
      history: ['CREATE TABLE events (id bigint);'],
      errors: [{ message: /events while/ }, { message: /app\.logs while/ }],
      why: 'every table named, one from an earlier migration',
    },
    {
      sql: "SET lock_timeout = '2s';\nCLUSTER events USING events_created_at_idx;",
      errors: [{ line: 2, column: 9, message: /^CLUSTER rewrites events/ }],
    },
    { sql: '-- pgwarden:no-transaction\nVACUUM FULL;', errors: [{ message: /every table of the database/ }] },
    { sql: '-- pgwarden:no-transaction\nVACUUM (FULL true) events;', errors: [{ line: 2, message: /^VACUUM FULL rewrites events/ }], why: 'FULL true is FULL' },
  ],
});
