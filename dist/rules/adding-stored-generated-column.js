import { nodeAs } from '../src/sql/ast.js';
import { addedConstraints, existingTable, tableAlter } from './lib/locking.js';
import { isVirtualGenerated } from '../src/analysis/locks.js';
import { pgHas, pgSince } from '../src/analysis/pg-features.js';
export const addingStoredGeneratedColumn = {
    meta: {
        id: 'adding-stored-generated-column',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'Adding a STORED generated column rewrites the whole table under an ACCESS EXCLUSIVE lock.',
        why: `ALTER TABLE … ADD COLUMN … GENERATED ALWAYS AS (…) STORED computes the value for every existing row, so PostgreSQL rewrites the whole table (a new file on disk) while holding an ACCESS EXCLUSIVE lock: every read and write waits for the rewrite, which takes as long as copying the table and rebuilding all its indexes. Generated columns exist since PostgreSQL ${pgSince('generatedColumns')}; from ${pgSince('virtualGeneratedColumns')} on, a VIRTUAL one (the default there without STORED) is computed when read and is not reported. Tables created earlier in the same migration are not reported.`,
        safeAlternative: [
            'Add a plain nullable column (no rewrite), keep it filled by a trigger for new rows, and backfill the old rows in batches:',
            '```sql',
            'ALTER TABLE orders ADD COLUMN total_cents bigint;',
            'CREATE FUNCTION orders_total_cents() RETURNS trigger LANGUAGE plpgsql AS $$',
            'BEGIN NEW.total_cents := round(NEW.total * 100); RETURN NEW; END $$;',
            'CREATE TRIGGER orders_total_cents BEFORE INSERT OR UPDATE ON orders',
            '  FOR EACH ROW EXECUTE FUNCTION orders_total_cents();',
            '```',
            '```sql',
            '-- then, in batches, outside the DDL transaction',
            'UPDATE orders SET total_cents = round(total * 100) WHERE id BETWEEN 1 AND 10000;',
            '```',
            'Or compute the value at read time (a view, or an expression index built CONCURRENTLY).',
        ].join('\n'),
        help: 'Add a plain column filled by a trigger and backfill it in batches, or compute the value at read time.',
        limits: 'Tables created earlier in the same file (or in an earlier part of the same migration, for layouts that split one migration into parts) count as new and empty and are not reported. squawk reports stored generated columns under adding-field-with-default; pgwarden gives them their own rule.',
        minPgVersion: pgSince('generatedColumns'),
        newerAdvice: {
            feature: 'virtualGeneratedColumns',
            safeAlternative: [
                'Add the column VIRTUAL: nothing is written, the value is computed when a row is read (a virtual column cannot be indexed; an expression index built CONCURRENTLY serves queries on it):',
                '```sql',
                'ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (round(total * 100)) VIRTUAL;',
                '```',
            ].join('\n'),
            help: 'Add the column VIRTUAL (computed when read, no rewrite), or a plain column filled by a trigger and backfilled in batches.',
        },
        lockClaim: {
            setup: 'CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);\nINSERT INTO orders VALUES (1, 9.99);',
            statement: 'ALTER TABLE orders ADD COLUMN total_cents bigint GENERATED ALWAYS AS (round(total * 100)) STORED;',
            table: 'orders',
            mode: 'AccessExclusiveLock',
            rewrite: true,
        },
    },
    visits: ['AlterTableStmt'],
    check(ctx) {
        const alter = tableAlter(ctx.statement);
        if (!alter || !existingTable(ctx, alter.relation))
            return;
        for (const cmd of alter.cmds) {
            if (cmd.subtype !== 'AT_AddColumn')
                continue;
            const generated = addedConstraints(cmd).find((c) => c.contype === 'CONSTR_GENERATED');
            if (!generated || isVirtualGenerated(generated, ctx.pgVersion))
                continue;
            const column = nodeAs(cmd.def, 'ColumnDef')?.colname ?? '';
            ctx.report({
                message: `Adding stored generated column ${column} to ${alter.table} rewrites the whole table while holding an ACCESS EXCLUSIVE lock, blocking reads and writes of ${alter.table} until it is done.`,
                location: generated.location,
                ...(pgHas('virtualGeneratedColumns', ctx.pgVersion) ? { help: addingStoredGeneratedColumn.meta.newerAdvice.help } : {}),
            });
        }
    },
};
