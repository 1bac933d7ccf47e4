import { nodeAs, stringList } from '../src/sql/ast.js';
import { existingTable, indexTable } from './lib/locking.js';
export const requireConcurrentIndexDeletion = {
    meta: {
        id: 'require-concurrent-index-deletion',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'DROP INDEX without CONCURRENTLY blocks reads and writes of the table.',
        why: 'A plain DROP INDEX takes an ACCESS EXCLUSIVE lock on the index\'s table. The drop itself is quick, but the lock request queues behind every running transaction on the table, and all reads and writes that arrive meanwhile queue behind it: a long report query turns into an outage. DROP INDEX CONCURRENTLY waits for those transactions without blocking anyone. Indexes of tables created earlier in the same migration are not reported, nor DROP INDEX IF EXISTS of an index the replayed history never created or already dropped (a cleanup that most likely does nothing; an index made outside the history is not seen). An index of a partitioned table cannot be dropped concurrently (PostgreSQL refuses it, which is reported): there the plain DROP under a short lock_timeout is the way, and is not reported.',
        safeAlternative: [
            'Drop the index concurrently, in a migration that runs outside a transaction:',
            '```sql',
            '-- pgwarden:no-transaction',
            'DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;',
            '```',
            'CONCURRENTLY drops one index per statement and cannot be combined with CASCADE.',
        ].join('\n'),
        help: 'Use DROP INDEX CONCURRENTLY in a migration that runs outside a transaction (-- pgwarden:no-transaction).',
        limits: 'The index\'s table is known only when the replayed history created the index; an unknown index is reported as on an existing table, except with IF EXISTS (a cleanup that most likely does nothing, not reported). Indexes of tables created earlier in the same file are not reported, nor dbmate/goose down sections (squawk reports those). A partitioned table\'s index cannot be dropped concurrently: the plain DROP is the way there.',
        lockClaim: {
            setup: 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE INDEX users_email_idx ON users (email);',
            statement: 'DROP INDEX users_email_idx;',
            table: 'users',
            mode: 'AccessExclusiveLock',
            rewrite: false,
        },
    },
    visits: ['DropStmt'],
    check(ctx) {
        const drop = nodeAs(ctx.statement.node, 'DropStmt');
        if (drop?.removeType !== 'OBJECT_INDEX')
            return;
        for (const object of drop.objects ?? []) {
            const name = stringList(nodeAs(object, 'List')?.items).join('.');
            const table = indexTable(ctx, name);
            // PostgreSQL cannot drop a partitioned table's index concurrently: the plain DROP is the only way
            if (table !== undefined && ctx.schema.table(table)?.partitioned) {
                if (drop.concurrent) {
                    ctx.report({
                        message: `DROP INDEX CONCURRENTLY fails on ${name}: it belongs to the partitioned table ${table.replace(/^public\./, '')}, whose indexes PostgreSQL cannot drop concurrently.`,
                        help: "Drop it without CONCURRENTLY, under a short lock_timeout (SET lock_timeout = '2s';) and in a migration of its own, so the brief ACCESS EXCLUSIVE lock on every partition cannot queue traffic.",
                    });
                }
                continue;
            }
            if (drop.concurrent)
                continue;
            if (table !== undefined && !existingTable(ctx, table))
                continue;
            // IF EXISTS of an index the replayed history never created (or already dropped): most likely a no-op
            if (table === undefined && drop.missing_ok)
                continue;
            const on = table ? `the table ${table.replace(/^public\./, '')}` : 'its table';
            ctx.report({
                message: `Dropping index ${name} without CONCURRENTLY blocks reads and writes of ${on} (ACCESS EXCLUSIVE lock) while it waits for and holds the lock.`,
            });
        }
    },
};
