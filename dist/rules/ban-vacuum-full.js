import { nodeAs, optionIsOn, relationName } from '../src/sql/ast.js';
import { existingTable } from './lib/locking.js';
export const banVacuumFull = {
    meta: {
        id: 'ban-vacuum-full',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'VACUUM FULL and CLUSTER rewrite the table under an ACCESS EXCLUSIVE lock.',
        why: 'VACUUM FULL and CLUSTER copy the whole table into a new file (and rebuild every index) while holding an ACCESS EXCLUSIVE lock: every read and write of the table waits until the copy is done, which on a large table takes a long time, and the copy needs as much free disk again as the table. VACUUM FULL without a table name does this to every table of the database. Tables created earlier in the same migration are not reported.',
        safeAlternative: [
            'Plain VACUUM reclaims space for reuse without blocking reads or writes:',
            '```sql',
            '-- pgwarden:no-transaction',
            'VACUUM (ANALYZE) events;',
            '```',
            'To give space back to the operating system or re-order rows online, use pg_repack or pg_squeeze, which rebuild the table beside the old one and swap with a short lock:',
            '```sh',
            'pg_repack --table=events --no-superuser-check mydb',
            '```',
        ].join('\n'),
        help: 'Use plain VACUUM, or pg_repack / pg_squeeze to rewrite the table online.',
        limits: 'Tables created earlier in the same file (or in an earlier part of the same migration, for layouts that split one migration into parts) count as new and empty and are not reported. VACUUM (FULL false) is a plain VACUUM and is not reported.',
        lockClaim: {
            setup: 'CREATE TABLE events (id bigint PRIMARY KEY, payload text);\nINSERT INTO events VALUES (1, \'a\');',
            statement: 'CLUSTER events USING events_pkey;',
            table: 'events',
            mode: 'AccessExclusiveLock',
            rewrite: true,
        },
    },
    visits: ['VacuumStmt', 'ClusterStmt'],
    check(ctx) {
        const node = ctx.statement.node;
        const vacuum = nodeAs(node, 'VacuumStmt');
        if (vacuum?.is_vacuumcmd && optionIsOn(vacuum.options, 'full')) {
            const relations = (vacuum.rels ?? []).map((r) => nodeAs(r, 'VacuumRelation')?.relation);
            if (relations.length === 0) {
                ctx.report({ message: 'VACUUM FULL without a table rewrites every table of the database, each under an ACCESS EXCLUSIVE lock that blocks its reads and writes.' });
            }
            for (const rel of relations) {
                if (!rel || !existingTable(ctx, rel))
                    continue;
                const table = relationName(rel);
                ctx.report({ message: `VACUUM FULL rewrites ${table} while holding an ACCESS EXCLUSIVE lock, blocking reads and writes of ${table} until it is done.`, location: rel.location });
            }
            return;
        }
        const cluster = nodeAs(node, 'ClusterStmt');
        if (!cluster)
            return;
        if (!cluster.relation) {
            ctx.report({ message: 'CLUSTER without a table rewrites every previously clustered table, each under an ACCESS EXCLUSIVE lock that blocks its reads and writes.' });
            return;
        }
        if (!existingTable(ctx, cluster.relation))
            return;
        const table = relationName(cluster.relation);
        ctx.report({ message: `CLUSTER rewrites ${table} while holding an ACCESS EXCLUSIVE lock, blocking reads and writes of ${table} until it is done.`, location: cluster.relation.location });
    },
};
