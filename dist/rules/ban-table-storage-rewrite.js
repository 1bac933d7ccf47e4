import { commandRange } from './lib/command-range.js';
import { existingTable, tableAlter } from './lib/locking.js';
/** ALTER TABLE subcommands that copy every row into new storage (tablecmds.c sets a rewrite for each). */
const STORAGE_REWRITES = {
    AT_SetLogged: 'SET LOGGED',
    AT_SetUnLogged: 'SET UNLOGGED',
    AT_SetTableSpace: 'SET TABLESPACE',
    AT_SetAccessMethod: 'SET ACCESS METHOD',
};
export const banTableStorageRewrite = {
    meta: {
        id: 'ban-table-storage-rewrite',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'SET LOGGED, SET UNLOGGED, SET TABLESPACE and SET ACCESS METHOD copy the whole table under an ACCESS EXCLUSIVE lock.',
        why: 'These ALTER TABLE forms change how or where the rows are stored, so PostgreSQL copies every row (and rebuilds every index) into new files while holding an ACCESS EXCLUSIVE lock: every read and write of the table waits until the copy is done. SET LOGGED also writes the whole table to the WAL, which can flood replicas. On a partitioned table they only change the default for future partitions and are not reported, nor are tables created earlier in the same migration.',
        safeAlternative: [
            'Move a table to another tablespace online with pg_repack, which copies it beside the old one and swaps with a short lock:',
            '```sh',
            'pg_repack --table=events --tablespace=fast_ssd mydb',
            '```',
            'There is no online SET LOGGED or SET UNLOGGED: choose persistence when the table is created, or build a new table and swap it in with a short rename:',
            '```sql',
            'CREATE TABLE events_new (LIKE events INCLUDING ALL);',
            '-- copy rows in batches, then in one short transaction:',
            "SET lock_timeout = '2s';",
            'ALTER TABLE events RENAME TO events_old;',
            'ALTER TABLE events_new RENAME TO events;',
            '```',
            'If the copy under lock is acceptable, run it in a maintenance window with lock_timeout set.',
        ].join('\n'),
        help: 'Use pg_repack to move a table online, or build a new table and swap it in; otherwise schedule a maintenance window.',
        limits: 'Tables created earlier in the same file (or in an earlier part of the same migration, for layouts that split one migration into parts) count as new and empty and are not reported, nor partitioned tables (only the default for new partitions changes).',
        lockClaim: {
            setup: 'CREATE TABLE events (id bigint PRIMARY KEY, payload text);\nINSERT INTO events VALUES (1, \'a\');',
            statement: 'ALTER TABLE events SET UNLOGGED;',
            table: 'events',
            mode: 'AccessExclusiveLock',
            rewrite: true,
        },
    },
    visits: ['AlterTableStmt'],
    check(ctx) {
        const alter = tableAlter(ctx.statement);
        if (!alter || !existingTable(ctx, alter.relation))
            return;
        if (ctx.schema.table(alter.relation)?.partitioned)
            return;
        for (const cmd of alter.cmds) {
            const form = STORAGE_REWRITES[cmd.subtype ?? ''];
            if (!form)
                continue;
            ctx.report({
                message: `${form} copies every row of ${alter.table} into new storage while holding an ACCESS EXCLUSIVE lock, blocking reads and writes of ${alter.table} until it is done.`,
                location: alter.relation.location,
                range: commandRange(ctx, form.toLowerCase().split(' ')),
            });
        }
    },
};
