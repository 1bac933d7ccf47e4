import { reportIndexBuildingConstraints } from './lib/locking.js';
export const disallowedUniqueConstraint = {
    meta: {
        id: 'disallowed-unique-constraint',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'Adding a UNIQUE constraint to an existing table builds its index under an ACCESS EXCLUSIVE lock.',
        why: 'ALTER TABLE … ADD CONSTRAINT … UNIQUE (or ADD COLUMN … UNIQUE) takes an ACCESS EXCLUSIVE lock and builds a unique index over the whole table while holding it: every read and write of the table waits for the whole build. `ADD CONSTRAINT … UNIQUE USING INDEX` turns an index built beforehand with CREATE UNIQUE INDEX CONCURRENTLY into the constraint in an instant, and is not reported; nor is a table created earlier in the same migration.',
        safeAlternative: [
            'Build the unique index concurrently first (outside a transaction), then attach it as the constraint:',
            '```sql',
            '-- pgwarden:no-transaction',
            'CREATE UNIQUE INDEX CONCURRENTLY users_email_uniq ON users (email);',
            '```',
            '```sql',
            '-- next migration',
            'SET lock_timeout = \'2s\';',
            'ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_uniq;',
            '```',
            'If nothing needs a named constraint (foreign keys can reference a unique index), the concurrent index alone is enough.',
        ].join('\n'),
        help: 'Build the index with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING INDEX.',
        limits: 'Tables created earlier in the same file (or in an earlier part of the same migration, for layouts that split one migration into parts) count as new and empty and are not reported (squawk reports them), nor UNIQUE … USING INDEX, nor a UNIQUE on a partitioned table whose partitions already hold the same key (PostgreSQL attaches their indexes without building).',
        lockClaim: {
            setup: 'CREATE TABLE users (id bigint PRIMARY KEY, name text);',
            statement: 'ALTER TABLE users ADD CONSTRAINT users_name_key UNIQUE (name);',
            table: 'users',
            mode: 'AccessExclusiveLock',
            rewrite: false,
        },
    },
    visits: ['AlterTableStmt'],
    check(ctx) {
        reportIndexBuildingConstraints(ctx, 'CONSTR_UNIQUE', 'unique constraint', 'a unique constraint');
    },
};
