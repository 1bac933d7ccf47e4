import { disallowedUniqueConstraint } from './disallowed-unique-constraint.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(disallowedUniqueConstraint, {
  valid: [
    { sql: 'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_uniq;', why: 'UNIQUE USING INDEX' },
    { sql: 'CREATE TABLE users (id bigint, email text);\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);', why: 'table created in the same file' },
    { sql: 'CREATE TABLE users (id bigint, email text UNIQUE);', why: 'declared with the table' },
    {
      sql: "SET lock_timeout = '2s';\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_uniq;",
      history: ['CREATE TABLE users (id bigint, email text);', '-- pgwarden:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY users_email_uniq ON users (email);'],
      why: 'index built concurrently by an earlier migration',
    },
    {
      sql: 'ALTER TABLE events ADD CONSTRAINT events_id_key UNIQUE (id, at);',
      history: [
        "CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);\nCREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');\nCREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
        '-- pgwarden:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY events_2025_id_idx ON events_2025 (id, at);\nCREATE UNIQUE INDEX CONCURRENTLY events_2026_id_idx ON events_2026 (id, at);',
        'ALTER TABLE events_2025 ADD CONSTRAINT events_2025_id_key UNIQUE USING INDEX events_2025_id_idx;\nALTER TABLE events_2026 ADD CONSTRAINT events_2026_id_key UNIQUE USING INDEX events_2026_id_idx;',
      ],
      why: 'every partition has the key as a constraint: the parent attaches them without building (checked against the server)',
    },
  ],
  invalid: [
    {
      sql: 'ALTER TABLE users ADD CONSTRAINT users_name_key UNIQUE (name);',
      errors: [{ line: 1, column: 23, message: 'Adding unique constraint users_name_key to users builds its index while holding an ACCESS EXCLUSIVE lock, blocking reads and writes of users for the whole build.' }],
    },
    {
      sql: "SET lock_timeout = '2s';\nALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_uniq;\nALTER TABLE users ADD UNIQUE (name);",
      history: ['CREATE TABLE users (id bigint, email text, name text);'],
      errors: [{ line: 3, message: /a unique constraint to users/ }],
      why: 'only the form without USING INDEX, table from history',
    },
    {
      sql: 'ALTER TABLE users ADD COLUMN handle text UNIQUE;',
      errors: [{ message: /unique constraint to users/ }],
      why: 'a new column declared UNIQUE',
    },
    {
      sql: 'ALTER TABLE events ADD CONSTRAINT events_id_key UNIQUE (id, at);',
      history: ["CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');"],
      errors: [{ help: /events is partitioned, where USING INDEX is refused: on each partition .*ADD CONSTRAINT … UNIQUE USING INDEX/ }],
      why: 'partitioned: the help must not suggest USING INDEX on the parent (checked against the server)',
    },
    {
      sql: 'ALTER TABLE events ADD CONSTRAINT events_id_key UNIQUE (id, at);',
      history: [
        "CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);\nCREATE TABLE events_2025 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');\nCREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');",
        '-- pgwarden:no-transaction\nCREATE UNIQUE INDEX CONCURRENTLY events_2025_id_idx ON events_2025 (id, at);',
        'ALTER TABLE events_2025 ADD CONSTRAINT events_2025_id_key UNIQUE USING INDEX events_2025_id_idx;',
      ],
      errors: 1,
      why: 'one partition (events_2026) has no matching constraint yet: its index is built',
    },
  ],
});
