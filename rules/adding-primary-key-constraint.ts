import type { Rule } from '../src/lint/types.js';
import { reportIndexBuildingConstraints } from './lib/locking.js';

export const addingPrimaryKeyConstraint: Rule = {
  meta: {
    id: 'adding-primary-key-constraint',
    category: 'locking',
    defaultSeverity: 'error',
    summary: 'Adding a primary key to an existing table builds its index under an ACCESS EXCLUSIVE lock.',
    why: 'ALTER TABLE … ADD PRIMARY KEY (or ADD COLUMN … PRIMARY KEY) takes an ACCESS EXCLUSIVE lock and builds a unique index over the whole table while holding it (after checking that the key columns hold no NULLs): every read and write of the table waits for the whole build. `ADD CONSTRAINT … PRIMARY KEY USING INDEX` turns an index built beforehand with CREATE UNIQUE INDEX CONCURRENTLY into the primary key in an instant, and is not reported; nor is a table created earlier in the same migration.',
    safeAlternative: [
      'Build the unique index concurrently first (outside a transaction), then promote it:',
      '```sql',
      '-- pgwarden:no-transaction',
      'CREATE UNIQUE INDEX CONCURRENTLY items_pkey_idx ON items (id);',
      '```',
      '```sql',
      '-- next migration',
      'SET lock_timeout = \'2s\';',
      'ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY USING INDEX items_pkey_idx;',
      '```',
      'If the key columns are nullable, PRIMARY KEY USING INDEX still scans the table to set NOT NULL: on PostgreSQL 12+ add `CHECK (id IS NOT NULL) NOT VALID` and VALIDATE it first, then SET NOT NULL skips the scan. A partitioned table does not accept USING INDEX.',
    ].join('\n'),
    help: 'Build the index with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … PRIMARY KEY USING INDEX.',
    lockClaim: {
      setup: 'CREATE TABLE items (id bigint NOT NULL, name text);',
      statement: 'ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY (id);',
      table: 'items',
      mode: 'AccessExclusiveLock',
      rewrite: false,
    },
  },
  check(ctx) {
    reportIndexBuildingConstraints(ctx, 'CONSTR_PRIMARY', 'primary key', 'a primary key');
  },
};
