import { nodeAs, relationName } from '../src/sql/ast.js';
import { pgHas, pgSince } from '../src/analysis/pg-features.js';
import { columnIsNewInFile } from './lib/history.js';
import { commandRange } from './lib/command-range.js';
export const addingNotNullableField = {
    meta: {
        id: 'adding-not-nullable-field',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'SET NOT NULL on an existing table scans every row under an ACCESS EXCLUSIVE lock.',
        why: [
            'ALTER COLUMN … SET NOT NULL must prove that no row holds NULL. PostgreSQL reads the whole table to check,',
            'and it does so while holding ACCESS EXCLUSIVE: every query on the table, reads included, waits for the scan.',
            `Since PostgreSQL ${pgSince('checkProvesNotNull')} the scan is skipped when a validated CHECK (column IS NOT NULL) constraint already proves it,`,
            'so pgwarden is quiet when such a constraint was validated by an earlier statement or migration. New tables are empty and never flagged.',
            `From PostgreSQL ${pgSince('notNullNotValid')} on, ADD CONSTRAINT … NOT NULL without NOT VALID scans the same way and is reported too.`,
        ].join(' '),
        safeAlternative: [
            `Add a NOT VALID check (instant), validate it (a scan under SHARE UPDATE EXCLUSIVE, which lets reads and writes continue), then set NOT NULL, which now skips the scan (PostgreSQL ${pgSince('checkProvesNotNull')}+), and drop the helper constraint:`,
            '```sql',
            'ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;',
            '```',
            '```sql',
            '-- next migration',
            'ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;',
            'ALTER TABLE users ALTER COLUMN email SET NOT NULL;',
            'ALTER TABLE users DROP CONSTRAINT users_email_not_null;',
            '```',
        ].join('\n'),
        help: `Add CHECK (col IS NOT NULL) NOT VALID, VALIDATE it, then SET NOT NULL (PostgreSQL ${pgSince('checkProvesNotNull')}+ skips the scan).`,
        limits: 'Quiet when a validated CHECK (column IS NOT NULL) proves the column (PostgreSQL 12+), also on tables created outside the replayed history, as long as the CHECK and its validation are in the history; squawk reports SET NOT NULL even then. Before PostgreSQL 12 (--pg-version) the proof does not help and it is reported. Tables created earlier in the same file (or in an earlier part of the same migration, for layouts that split one migration into parts) count as new and empty and are not reported.',
        adviceNeeds: 'checkProvesNotNull',
        newerAdvice: {
            feature: 'notNullNotValid',
            safeAlternative: [
                'Add the NOT NULL constraint itself NOT VALID (instant; new rows are checked at once), then validate it in a later migration under SHARE UPDATE EXCLUSIVE, which lets reads and writes continue; no helper CHECK, nothing to drop:',
                '```sql',
                'ALTER TABLE users ADD CONSTRAINT users_email_not_null NOT NULL email NOT VALID;',
                '```',
                '```sql',
                '-- next migration',
                'ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;',
                '```',
            ].join('\n'),
            help: 'Add CONSTRAINT … NOT NULL col NOT VALID, then VALIDATE CONSTRAINT in a later migration: no scan under ACCESS EXCLUSIVE.',
        },
        lockClaim: {
            setup: "CREATE TABLE items (id bigint PRIMARY KEY, note text); INSERT INTO items VALUES (1, 'a');",
            statement: 'ALTER TABLE items ALTER COLUMN note SET NOT NULL',
            table: 'items',
            mode: 'AccessExclusiveLock',
            rewrite: false,
        },
    },
    visits: ['AlterTableStmt'],
    check(ctx) {
        const { statement, schema, pgVersion, report } = ctx;
        const alter = nodeAs(statement.node, 'AlterTableStmt');
        if (!alter?.relation || alter.objtype !== 'OBJECT_TABLE')
            return;
        if (schema.createdInCurrentFile(alter.relation))
            return;
        const table = schema.table(alter.relation);
        const newer = pgHas('notNullNotValid', pgVersion);
        for (const c of alter.cmds ?? []) {
            const cmd = nodeAs(c, 'AlterTableCmd');
            const notNull = nodeAs(cmd?.def, 'Constraint');
            if (newer && cmd?.subtype === 'AT_AddConstraint' && notNull?.contype === 'CONSTR_NOTNULL' && !notNull.skip_validation) {
                // 18: ADD CONSTRAINT … NOT NULL col scans like SET NOT NULL unless NOT VALID
                const columns = (notNull.keys ?? []).map((k) => nodeAs(k, 'String')?.sval ?? '').filter((k) => k && !table?.columns.get(k)?.notNull);
                if (columns.length === 0)
                    continue;
                report({
                    message: `ADD CONSTRAINT … NOT NULL on ${relationName(alter.relation)}.${columns.join(', ')} scans every row while holding ACCESS EXCLUSIVE.`,
                    help: 'Add it NOT VALID, then VALIDATE CONSTRAINT in a later migration: no scan under ACCESS EXCLUSIVE.',
                });
                continue;
            }
            if (cmd?.subtype !== 'AT_SetNotNull' || !cmd.name)
                continue;
            const column = table?.columns.get(cmd.name);
            if (column?.notNull)
                continue; // already NOT NULL: nothing to check
            // a validated CHECK (col IS NOT NULL), on a table of the history or not, lets PostgreSQL 12+ skip the scan
            if (schema.provesNotNull(alter.relation, cmd.name, pgVersion))
                continue;
            const hint = pgHas('checkProvesNotNull', pgVersion) ? '' : ` (before PostgreSQL ${pgSince('checkProvesNotNull')} even a validated CHECK does not avoid the scan)`;
            const name = relationName(alter.relation);
            // a column added by this migration can be declared NOT NULL with its constant default: no scan at all
            const help = columnIsNewInFile(ctx, alter.relation, cmd.name)
                ? `Declare the column NOT NULL in the ADD COLUMN itself, with a constant default (ADD COLUMN ${cmd.name} … NOT NULL DEFAULT …): that needs no scan.`
                : newer
                    ? `Instead, ADD CONSTRAINT ${splitName(name)}_${cmd.name}_not_null NOT NULL ${cmd.name} NOT VALID, then VALIDATE CONSTRAINT ${splitName(name)}_${cmd.name}_not_null in a later migration (PostgreSQL ${pgSince('notNullNotValid')}+): no scan under ACCESS EXCLUSIVE.`
                    : `Add CONSTRAINT ${splitName(name)}_${cmd.name}_not_null CHECK (${cmd.name} IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then SET NOT NULL (PostgreSQL ${pgSince('checkProvesNotNull')}+ skips the scan) and drop the CHECK.`;
            report({
                message: `SET NOT NULL on ${name}.${cmd.name} scans every row while holding ACCESS EXCLUSIVE${hint}.`,
                help,
                range: commandRange(ctx, ['alter'], cmd.name),
            });
        }
    },
};
/** `app.users` → `users`, for a constraint name. */
function splitName(table) {
    return table.slice(table.lastIndexOf('.') + 1);
}
