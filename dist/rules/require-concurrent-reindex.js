import { nodeAs, optionIsOn, relationName } from '../src/sql/ast.js';
import { existingTable, indexTable } from './lib/locking.js';
import { pgSince } from '../src/analysis/pg-features.js';
export const requireConcurrentReindex = {
    meta: {
        id: 'require-concurrent-reindex',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'REINDEX without CONCURRENTLY blocks writes to the table, and reads that use the index, for the whole rebuild.',
        why: `A plain REINDEX takes a SHARE lock on the table (blocking INSERT, UPDATE and DELETE) and an ACCESS EXCLUSIVE lock on each index it rebuilds, so even queries whose plan uses the index wait until the rebuild finishes. REINDEX … CONCURRENTLY (PostgreSQL ${pgSince('reindexConcurrently')}+) builds a replacement index beside the old one under SHARE UPDATE EXCLUSIVE and swaps it in with a short lock. REINDEX SCHEMA and DATABASE are reported too, since they do the same to every table. Indexes of tables created earlier in the same migration are not reported. The rule applies from PostgreSQL ${pgSince('reindexConcurrently')}, where CONCURRENTLY exists.`,
        safeAlternative: [
            'Rebuild concurrently, in a migration that runs outside a transaction:',
            '```sql',
            '-- pgwarden:no-transaction',
            'REINDEX INDEX CONCURRENTLY users_email_idx;',
            'REINDEX TABLE CONCURRENTLY users;',
            '```',
            'A failed concurrent rebuild leaves an invalid `…_ccnew` index: drop it with DROP INDEX CONCURRENTLY and retry.',
        ].join('\n'),
        help: 'Use REINDEX … CONCURRENTLY in a migration that runs outside a transaction (-- pgwarden:no-transaction).',
        limits: 'Applies from PostgreSQL ' + pgSince('reindexConcurrently') + '. An index whose table the history does not know is reported as on an existing table. REINDEX (CONCURRENTLY false) is a plain REINDEX and is reported; REINDEX SYSTEM has no concurrent form and is not reported.',
        minPgVersion: pgSince('reindexConcurrently'),
        adviceNeeds: 'reindexConcurrently',
        lockClaim: {
            setup: 'CREATE TABLE users (id bigint PRIMARY KEY, email text);\nCREATE INDEX users_email_idx ON users (email);',
            statement: 'REINDEX TABLE users;',
            table: 'users',
            mode: 'ShareLock',
            rewrite: false,
        },
    },
    visits: ['ReindexStmt'],
    check(ctx) {
        const reindex = nodeAs(ctx.statement.node, 'ReindexStmt');
        if (!reindex)
            return;
        if (optionIsOn(reindex.params, 'concurrently'))
            return;
        const name = reindex.relation ? relationName(reindex.relation) : (reindex.name ?? '');
        switch (reindex.kind) {
            case 'REINDEX_OBJECT_TABLE':
                if (!existingTable(ctx, reindex.relation))
                    return;
                ctx.report({ message: `Reindexing table ${name} without CONCURRENTLY blocks writes to ${name} (SHARE lock), and reads that use its indexes, until every index is rebuilt.` });
                return;
            case 'REINDEX_OBJECT_INDEX': {
                const table = indexTable(ctx, name);
                if (table !== undefined && !existingTable(ctx, table))
                    return;
                const of = table ? table.replace(/^public\./, '') : 'its table';
                ctx.report({ message: `Reindexing ${name} without CONCURRENTLY blocks writes to ${of} (SHARE lock), and reads that use the index, until it is rebuilt.` });
                return;
            }
            case 'REINDEX_OBJECT_SCHEMA':
            case 'REINDEX_OBJECT_DATABASE':
                ctx.report({ message: `Reindexing ${reindex.kind === 'REINDEX_OBJECT_SCHEMA' ? `schema ${name}` : 'the database'} without CONCURRENTLY blocks writes to each of its tables while that table's indexes are rebuilt.` });
                return;
            default:
                // REINDEX SYSTEM has no concurrent form: nothing better to suggest
                return;
        }
    },
};
