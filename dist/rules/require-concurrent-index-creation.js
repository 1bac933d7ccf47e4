import { nodeAs, relationName } from '../src/sql/ast.js';
import { existingTable } from './lib/locking.js';
export const requireConcurrentIndexCreation = {
    meta: {
        id: 'require-concurrent-index-creation',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'CREATE INDEX without CONCURRENTLY blocks writes to an existing table for the whole build.',
        why: 'A plain CREATE INDEX takes a SHARE lock on the table: reads go on, but every INSERT, UPDATE and DELETE waits until the index is completely built, which on a large table takes minutes to hours. CREATE INDEX CONCURRENTLY takes only SHARE UPDATE EXCLUSIVE, which does not conflict with reads or writes. Tables created earlier in the same migration are empty and unused, so they are not reported; neither is `CREATE INDEX … ON ONLY parent` on a partitioned table, which builds nothing. CREATE INDEX CONCURRENTLY on the partitioned parent itself fails (PostgreSQL refuses it, 18 included) and is reported too.',
        safeAlternative: [
            'Build the index concurrently, in a migration that runs outside a transaction (CONCURRENTLY cannot run inside one):',
            '```sql',
            '-- pgwarden:no-transaction',
            'SET lock_timeout = \'2s\';',
            'CREATE INDEX CONCURRENTLY IF NOT EXISTS users_email_idx ON users (email);',
            '```',
            'If the build fails it leaves an INVALID index behind: drop it (`DROP INDEX CONCURRENTLY users_email_idx;`) and retry.',
            'For a partitioned table, create the index on the parent only, build each partition\'s index concurrently, then attach them:',
            '```sql',
            'CREATE INDEX events_created_at_idx ON ONLY events (created_at);',
            'CREATE INDEX CONCURRENTLY events_2026_created_at_idx ON events_2026 (created_at);',
            'ALTER INDEX events_created_at_idx ATTACH PARTITION events_2026_created_at_idx;',
            '```',
        ].join('\n'),
        help: 'Use CREATE INDEX CONCURRENTLY in a migration that runs outside a transaction (-- pgwarden:no-transaction).',
        limits: 'Tables created earlier in the same file (or in an earlier part of the same migration, for layouts that split one migration into parts) count as new and empty, so an index on them is not reported (squawk reports every CREATE INDEX without CONCURRENTLY, including those on tables the same migration just created). A table created outside the replayed history is assumed large and reported. `CREATE INDEX … ON ONLY` a partitioned parent builds nothing and is not reported.',
        lockClaim: {
            setup: 'CREATE TABLE users (id bigint PRIMARY KEY, email text);',
            statement: 'CREATE INDEX users_email_idx ON users (email);',
            table: 'users',
            mode: 'ShareLock',
            rewrite: false,
        },
    },
    visits: ['IndexStmt'],
    check(ctx) {
        const index = nodeAs(ctx.statement.node, 'IndexStmt');
        if (!index?.relation)
            return;
        if (index.concurrent) {
            // PostgreSQL (18 included) refuses CONCURRENTLY on a partitioned table: the migration fails
            if (ctx.schema.table(index.relation)?.partitioned) {
                ctx.report({
                    message: `CREATE INDEX CONCURRENTLY fails on ${relationName(index.relation)}: PostgreSQL cannot build an index on a partitioned table concurrently.`,
                    help: "Create the index ON ONLY the parent, build each partition's index with CREATE INDEX CONCURRENTLY, then ALTER INDEX … ATTACH PARTITION each one.",
                });
            }
            return;
        }
        // ON ONLY a partitioned parent creates an invalid placeholder index: no rows are read
        if (!index.relation.inh)
            return;
        if (!existingTable(ctx, index.relation))
            return;
        const table = relationName(index.relation);
        const name = index.idxname ? `index ${index.idxname}` : 'an index';
        const kind = index.unique ? `Creating unique ${name.replace(/^an /, '')}` : `Creating ${name}`;
        if (ctx.schema.table(index.relation)?.partitioned) {
            // PostgreSQL refuses CONCURRENTLY on a partitioned table: the help must not suggest it
            ctx.report({
                message: `${kind} on partitioned table ${table} blocks writes to every partition (SHARE lock) while each partition's index is built.`,
                help: 'Create the index ON ONLY the parent, build each partition\'s index with CREATE INDEX CONCURRENTLY, then ALTER INDEX … ATTACH PARTITION each one.',
            });
            return;
        }
        ctx.report({
            message: `${kind} on ${table} without CONCURRENTLY blocks writes to ${table} (SHARE lock) for the whole build.`,
        });
    },
};
