import { requireConcurrentPartitionDetach } from './require-concurrent-partition-detach.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(requireConcurrentPartitionDetach, {
  valid: [
    { sql: '-- pgwarden:no-transaction\nALTER TABLE events DETACH PARTITION events_2019 CONCURRENTLY;', why: 'concurrent detach' },
    { sql: 'ALTER TABLE events DETACH PARTITION events_2019 FINALIZE;', why: 'finishing an interrupted concurrent detach' },
    {
      sql: "CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE events_2019 PARTITION OF events FOR VALUES FROM ('2019-01-01') TO ('2020-01-01');\nALTER TABLE events DETACH PARTITION events_2019;",
      why: 'parent created in the same file',
    },
    { sql: 'ALTER TABLE events DETACH PARTITION events_2019;', pgVersion: 13, why: 'no CONCURRENTLY before PostgreSQL 14' },
    { sql: "ALTER TABLE events ATTACH PARTITION events_2027 FOR VALUES FROM ('2027-01-01') TO ('2028-01-01');", why: 'attach takes SHARE UPDATE EXCLUSIVE on the parent' },
  ],
  invalid: [
    {
      sql: 'ALTER TABLE events DETACH PARTITION events_2019;',
      errors: [{ line: 1, column: 37, message: 'Detaching partition events_2019 without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on events, blocking reads and writes of every partition.' }],
    },
    {
      sql: "SET lock_timeout = '2s';\nALTER TABLE app.events DETACH PARTITION app.events_2020;",
      history: ["CREATE TABLE app.events (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE app.events_2020 PARTITION OF app.events FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');"],
      errors: [{ line: 2, message: /app\.events_2020 .* on app\.events/ }],
      why: 'parent from an earlier migration',
    },
    {
      sql: 'BEGIN;\nALTER TABLE events DETACH PARTITION events_2019;\nCOMMIT;',
      pgVersion: 16,
      errors: [{ line: 2 }],
    },
  ],
});
