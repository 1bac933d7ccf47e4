import { nodeAs, relationName } from '../src/sql/ast.js';
import { existingTable, tableAlter } from './lib/locking.js';
import { pgSince } from '../src/analysis/pg-features.js';
export const requireConcurrentPartitionDetach = {
    meta: {
        id: 'require-concurrent-partition-detach',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'DETACH PARTITION without CONCURRENTLY blocks reads and writes of the whole partitioned table.',
        why: `ALTER TABLE parent DETACH PARTITION child takes an ACCESS EXCLUSIVE lock on the parent and the partition: every query on any partition of the table waits, and the lock request itself queues behind every running query on the table. Since PostgreSQL ${pgSince('detachPartitionConcurrently')}, DETACH PARTITION … CONCURRENTLY takes only SHARE UPDATE EXCLUSIVE on the parent and waits for running queries in two transactions instead. Parents created earlier in the same migration are not reported. The rule applies from PostgreSQL ${pgSince('detachPartitionConcurrently')}.`,
        safeAlternative: [
            'Detach concurrently, in a migration that runs outside a transaction:',
            '```sql',
            '-- pgwarden:no-transaction',
            'ALTER TABLE events DETACH PARTITION events_2019 CONCURRENTLY;',
            '```',
            'CONCURRENTLY is refused when the parent has a default partition. If it is interrupted, finish with `ALTER TABLE events DETACH PARTITION events_2019 FINALIZE;`.',
        ].join('\n'),
        limits: `Applies from PostgreSQL ${pgSince('detachPartitionConcurrently')}. Parents created earlier in the same file are not reported.`,
        help: `Use DETACH PARTITION … CONCURRENTLY (PostgreSQL ${pgSince('detachPartitionConcurrently')}+) in a migration that runs outside a transaction.`,
        minPgVersion: pgSince('detachPartitionConcurrently'),
        adviceNeeds: 'detachPartitionConcurrently',
        lockClaim: {
            setup: 'CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);\nCREATE TABLE events_2019 PARTITION OF events FOR VALUES FROM (\'2019-01-01\') TO (\'2020-01-01\');',
            statement: 'ALTER TABLE events DETACH PARTITION events_2019;',
            table: 'events',
            mode: 'AccessExclusiveLock',
            rewrite: false,
        },
    },
    visits: ['AlterTableStmt'],
    check(ctx) {
        const alter = tableAlter(ctx.statement);
        if (!alter || !existingTable(ctx, alter.relation))
            return;
        for (const cmd of alter.cmds) {
            const part = nodeAs(cmd.def, 'PartitionCmd');
            if (cmd.subtype !== 'AT_DetachPartition' || !part || part.concurrent)
                continue;
            ctx.report({
                message: `Detaching partition ${relationName(part.name)} without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on ${alter.table}, blocking reads and writes of every partition.`,
                location: part.name?.location,
            });
        }
    },
};
