import { banTableStorageRewrite } from './ban-table-storage-rewrite.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banTableStorageRewrite, {
  valid: [
    { sql: 'CREATE UNLOGGED TABLE staging (id bigint);\nALTER TABLE staging SET LOGGED;', why: 'table created in the same file' },
    {
      sql: 'ALTER TABLE events SET TABLESPACE fast_ssd;',
      history: ['CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);'],
      why: 'a partitioned table only records the default for future partitions',
    },
    { sql: 'ALTER TABLE events SET (fillfactor = 90);', why: 'storage parameters do not copy the table' },
    { sql: 'ALTER INDEX events_pkey SET TABLESPACE fast_ssd;', why: 'an index move is not a table copy' },
  ],
  invalid: [
    {
      sql: 'ALTER TABLE events SET LOGGED;',
      errors: [{ line: 1, column: 13, message: 'SET LOGGED copies every row of events into new storage while holding an ACCESS EXCLUSIVE lock, blocking reads and writes of events until it is done.' }],
    },
    {
      sql: "SET lock_timeout = '2s';\nALTER TABLE app.events SET UNLOGGED;",
      history: ['CREATE TABLE app.events (id bigint);'],
      errors: [{ line: 2, message: /^SET UNLOGGED copies every row of app\.events/ }],
      why: 'table from an earlier migration',
    },
    { sql: 'ALTER TABLE events SET TABLESPACE fast_ssd;', errors: [{ message: /^SET TABLESPACE copies/ }] },
    { sql: 'ALTER TABLE events SET ACCESS METHOD heap2;', pgVersion: 15, errors: [{ message: /^SET ACCESS METHOD copies/ }] },
  ],
});
