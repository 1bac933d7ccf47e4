import { nodeAs, relationName, stringList, typeNameToString } from '../src/sql/ast.js';
import { constraintsAddedToExistingTable, validatesNow } from './lib/locking.js';
import { pgHas, pgSince } from '../src/analysis/pg-features.js';
export const addingForeignKeyConstraint = {
    meta: {
        id: 'adding-foreign-key-constraint',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'A foreign key added to an existing table without NOT VALID blocks writes to both tables while every row is checked.',
        why: [
            'ALTER TABLE … ADD FOREIGN KEY takes a SHARE ROW EXCLUSIVE lock on the table and on the referenced table, then reads every row of the table to check that its referenced row exists. Until that scan ends, INSERT, UPDATE and DELETE on both tables wait (and everything queued behind them). With NOT VALID the constraint is added without the scan and enforced for new rows; VALIDATE CONSTRAINT later checks the old rows under SHARE UPDATE EXCLUSIVE on the table and ROW SHARE on the referenced table, which block neither reads nor writes. Adding a column with REFERENCES does the same scan, under the ACCESS EXCLUSIVE lock of ADD COLUMN.',
            'This rule owns foreign keys added without NOT VALID; constraint-missing-not-valid owns CHECK constraints and a VALIDATE run in the same transaction as its NOT VALID add, so one statement never gets two findings for the same scan. Foreign keys declared in CREATE TABLE, or added to a table created earlier in the same migration, are not reported: the new table is empty, so the check is instant.',
        ].join('\n\n'),
        safeAlternative: [
            'Add the foreign key NOT VALID, then validate it in a later migration (a separate transaction):',
            '```sql',
            'ALTER TABLE invoices ADD CONSTRAINT invoices_account_fk',
            '  FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;',
            '```',
            '```sql',
            '-- next migration',
            'ALTER TABLE invoices VALIDATE CONSTRAINT invoices_account_fk;',
            '```',
            `For a new column, add the column first and the constraint as above. Before PostgreSQL ${pgSince('notValidForeignKeyOnPartitioned')} a partitioned table does not accept NOT VALID foreign keys: add and validate them on each partition first, then on the parent.`,
        ].join('\n'),
        help: 'Add the foreign key NOT VALID, then VALIDATE CONSTRAINT in a separate transaction (a later migration).',
        limits: 'Tables created earlier in the same file (or in an earlier part of the same migration, for layouts that split one migration into parts) count as new and empty: a foreign key added to such a table checks no rows and is not reported (squawk reports it); the SHARE ROW EXCLUSIVE lock it still takes on the referenced table is require-lock-timeout\'s concern. Foreign keys declared in CREATE TABLE are not reported.',
        lockClaim: {
            setup: 'CREATE TABLE accounts (id bigint PRIMARY KEY);\nCREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint);',
            statement: 'ALTER TABLE invoices ADD CONSTRAINT invoices_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id);',
            table: 'accounts',
            mode: 'ShareRowExclusiveLock',
            rewrite: false,
        },
    },
    visits: ['AlterTableStmt'],
    check(ctx) {
        for (const { alter, cmd, constraint: c } of constraintsAddedToExistingTable(ctx)) {
            if (c.contype !== 'CONSTR_FOREIGN' || !validatesNow(c))
                continue;
            const referenced = relationName(c.pktable);
            const name = c.conname ? `foreign key ${c.conname}` : 'a foreign key';
            const both = referenced === alter.table ? alter.table : `${alter.table} and ${referenced}`;
            const message = cmd.subtype === 'AT_AddColumn'
                ? `Adding a column with ${name} to ${alter.table} checks every row under an ACCESS EXCLUSIVE lock on ${alter.table} and a SHARE ROW EXCLUSIVE lock on ${referenced}, blocking writes to ${both}.`
                : `Adding ${name} to ${alter.table} without NOT VALID checks every row while holding SHARE ROW EXCLUSIVE locks on ${both}, blocking writes to ${referenced === alter.table ? 'it' : 'both'}.`;
            // before 18, PostgreSQL refuses NOT VALID foreign keys on a partitioned table: point to the per-partition way
            const help = ctx.schema.table(alter.relation)?.partitioned && !pgHas('notValidForeignKeyOnPartitioned', ctx.pgVersion)
                ? `${alter.table} is partitioned, where NOT VALID is refused: add the foreign key NOT VALID to each partition and VALIDATE it, then add it to ${alter.table} (it reuses the validated ones).`
                : cmd.subtype === 'AT_AddColumn'
                    ? newColumnHelp(alter.table, cmd, c)
                    : undefined;
            ctx.report({ message, location: c.location, help });
        }
    },
};
/** A column-level REFERENCES cannot say NOT VALID: add the column, then the constraint NOT VALID. */
function newColumnHelp(table, cmd, c) {
    const column = nodeAs(cmd.def, 'ColumnDef');
    const name = c.conname ?? `${table.slice(table.lastIndexOf('.') + 1)}_${column?.colname}_fkey`;
    const target = `${relationName(c.pktable)}${c.pk_attrs?.length ? ` (${stringList(c.pk_attrs).join(', ')})` : ''}`;
    return `Add the column without REFERENCES (ADD COLUMN ${column?.colname} ${typeNameToString(column?.typeName)}), then ADD CONSTRAINT ${name} FOREIGN KEY (${column?.colname}) REFERENCES ${target} NOT VALID, and VALIDATE CONSTRAINT ${name} in a later migration.`;
}
