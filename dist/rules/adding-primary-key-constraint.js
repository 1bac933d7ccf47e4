import { splitKey, tableKey } from '../src/analysis/schema.js';
import { constraintsAddedToExistingTable, reportIndexBuildingConstraints } from './lib/locking.js';
import { pgHas, pgSince } from '../src/analysis/pg-features.js';
export const addingPrimaryKeyConstraint = {
    meta: {
        id: 'adding-primary-key-constraint',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'Adding a primary key to an existing table builds its index under an ACCESS EXCLUSIVE lock.',
        why: 'ALTER TABLE … ADD PRIMARY KEY (or ADD COLUMN … PRIMARY KEY) takes an ACCESS EXCLUSIVE lock and builds a unique index over the whole table while holding it (after checking that the key columns hold no NULLs): every read and write of the table waits for the whole build. `ADD CONSTRAINT … PRIMARY KEY USING INDEX` turns an index built beforehand with CREATE UNIQUE INDEX CONCURRENTLY into the primary key in an instant, and is not reported when the key columns are already NOT NULL (otherwise PostgreSQL scans the whole table under the ACCESS EXCLUSIVE lock to prove them, and that is reported); nor is a table created earlier in the same migration.',
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
            `If the key columns are nullable, PRIMARY KEY USING INDEX still scans the table to set NOT NULL: on PostgreSQL ${pgSince('checkProvesNotNull')}+ add \`CHECK (id IS NOT NULL) NOT VALID\` and VALIDATE it first, then SET NOT NULL skips the scan. A partitioned table does not accept USING INDEX.`,
        ].join('\n'),
        help: 'Build the index with CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … PRIMARY KEY USING INDEX.',
        limits: 'Tables created earlier in the same file (or in an earlier part of the same migration, for layouts that split one migration into parts) count as new and empty, including a table filled by CREATE TABLE AS in the same file, and are not reported (squawk\'s adding-serial-primary-key-field reports those). PRIMARY KEY USING INDEX is reported only when its columns are not known to be NOT NULL.',
        lockClaim: {
            setup: 'CREATE TABLE items (id bigint NOT NULL, name text);',
            statement: 'ALTER TABLE items ADD CONSTRAINT items_pkey PRIMARY KEY (id);',
            table: 'items',
            mode: 'AccessExclusiveLock',
            rewrite: false,
        },
    },
    visits: ['AlterTableStmt'],
    check(ctx) {
        reportIndexBuildingConstraints(ctx, 'CONSTR_PRIMARY', 'primary key', 'a primary key');
        reportNullableKeyScans(ctx);
    },
};
/** PRIMARY KEY USING INDEX sets its columns NOT NULL, which scans the table unless something proves them. */
function reportNullableKeyScans(ctx) {
    for (const { alter, constraint: c } of constraintsAddedToExistingTable(ctx)) {
        if (c.contype !== 'CONSTR_PRIMARY' || !c.indexname)
            continue;
        const table = ctx.schema.table(alter.relation);
        const index = ctx.schema.index(`${splitKey(tableKey(alter.relation))[0]}.${c.indexname}`);
        if (!table || !index)
            continue; // columns unknown: say nothing rather than guess
        // a SET NOT NULL in the same statement does the one scan, and adding-not-nullable-field reports it
        const setHere = new Set(alter.cmds.filter((cmd) => cmd.subtype === 'AT_SetNotNull').map((cmd) => cmd.name));
        const proven = (column) => pgHas('checkProvesNotNull', ctx.pgVersion) && table.constraints.some((k) => k.type === 'check' && k.validated && (k.impliesNotNull ?? []).includes(column));
        const nullable = index.columns.filter((col) => !table.columns.get(col)?.notNull && !proven(col) && !setHere.has(col));
        if (nullable.length === 0)
            continue;
        ctx.report({
            message: `Primary key ${c.conname ?? c.indexname} USING INDEX makes ${nullable.join(', ')} NOT NULL, which scans every row of ${alter.table} while holding an ACCESS EXCLUSIVE lock.`,
            help: `First add CHECK (${nullable[0]} IS NOT NULL) NOT VALID and VALIDATE it in a later migration (PostgreSQL ${pgSince('checkProvesNotNull')}+ then skips the scan), or set NOT NULL the same way before promoting the index.`,
            location: c.location,
        });
    }
}
