import { tableKey } from '../src/analysis/schema.js';
import { addedNotValidInThisTransaction, constraintsAddedToExistingTable, existingTable, tableAlter, validatesNow } from './lib/locking.js';
export const constraintMissingNotValid = {
    meta: {
        id: 'constraint-missing-not-valid',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'A CHECK constraint added to an existing table without NOT VALID blocks reads and writes while every row is checked.',
        why: [
            'ALTER TABLE … ADD CONSTRAINT … CHECK takes an ACCESS EXCLUSIVE lock and, unless the constraint is NOT VALID, reads the whole table to check every row before it commits: all reads and writes of the table wait for the full scan. With NOT VALID the constraint is added instantly and enforced for new rows; a later VALIDATE CONSTRAINT checks the old rows under a SHARE UPDATE EXCLUSIVE lock, which blocks neither reads nor writes.',
            'Validating in the same transaction as the NOT VALID add defeats the purpose: the ADD\'s lock (ACCESS EXCLUSIVE for CHECK, SHARE ROW EXCLUSIVE for a foreign key) is held until commit, so the validation scan runs under it. That case is reported here for both CHECK and FOREIGN KEY constraints.',
            'A foreign key added without NOT VALID is reported by adding-foreign-key-constraint only (it also locks the referenced table), so one statement never gets two findings for the same scan.',
        ].join('\n\n'),
        safeAlternative: [
            'Add the constraint NOT VALID in one migration, validate it in a later one (a separate transaction):',
            '```sql',
            'ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;',
            '```',
            '```sql',
            '-- next migration',
            'ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;',
            '```',
        ].join('\n'),
        help: 'Add the constraint NOT VALID, then VALIDATE CONSTRAINT in a separate transaction (a later migration).',
        limits: 'CHECK constraints only: foreign keys are adding-foreign-key-constraint\'s, and UNIQUE, PRIMARY KEY and EXCLUDE cannot be NOT VALID (disallowed-unique-constraint, adding-primary-key-constraint and ban-exclusion-constraint report them); squawk reports all of them under this rule. Constraints added to tables created earlier in the same file are not reported (squawk reports those too), nor the CHECK a partition gets before ATTACH PARTITION on a table created in the file.',
        lockClaim: {
            setup: 'CREATE TABLE orders (id bigint PRIMARY KEY, total numeric);',
            statement: 'ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0);',
            table: 'orders',
            mode: 'AccessExclusiveLock',
            rewrite: false,
        },
    },
    visits: ['AlterTableStmt'],
    check(ctx) {
        for (const { alter, cmd, constraint: c } of constraintsAddedToExistingTable(ctx)) {
            if (c.contype !== 'CONSTR_CHECK' || !validatesNow(c))
                continue;
            const name = c.conname ? `check constraint ${c.conname}` : 'a check constraint';
            const how = cmd.subtype === 'AT_AddColumn' ? 'with a new column ' : '';
            // NOT VALID cannot be written inside ADD COLUMN: the CHECK has to become a constraint of its own
            const help = cmd.subtype === 'AT_AddColumn'
                ? `A CHECK written inside ADD COLUMN cannot be NOT VALID: add the column without it, then ALTER TABLE ${alter.table} ADD CONSTRAINT … CHECK (…) NOT VALID and VALIDATE CONSTRAINT in a later migration.`
                : undefined;
            ctx.report({
                message: `Adding ${name} ${how}to ${alter.table} without NOT VALID checks every row while holding an ACCESS EXCLUSIVE lock, blocking reads and writes of ${alter.table}.`,
                location: c.location,
                help,
            });
        }
        const alter = tableAlter(ctx.statement);
        if (!alter || !existingTable(ctx, alter.relation))
            return;
        for (const cmd of alter.cmds) {
            if (cmd.subtype === 'AT_ValidateConstraint' && cmd.name) {
                const added = addedNotValidInThisTransaction(ctx, tableKey(alter.relation), cmd.name);
                if (added) {
                    ctx.report({
                        message: `Validating ${cmd.name} in the same transaction that added it NOT VALID keeps the ADD's ${added} lock on ${alter.table} held for the whole validation scan.`,
                        help: 'Commit after adding the constraint NOT VALID; run VALIDATE CONSTRAINT in a separate transaction (a later migration).',
                    });
                }
            }
        }
    },
};
