import { tableKey } from '../src/analysis/schema.js';
import { nodeAs, relationName } from '../src/sql/ast.js';
/**
 * True when the last thing earlier statements did to constraint `name` of this table was DROP CONSTRAINT
 * IF EXISTS: one drop guards the next ADD of that name, not every later one.
 */
function guardedByDrop(previous, relation, name) {
    const key = tableKey(relation);
    for (let i = previous.length - 1; i >= 0; i--) {
        const alter = nodeAs(previous[i].node, 'AlterTableStmt');
        if (!alter?.relation || tableKey(alter.relation) !== key)
            continue;
        for (const c of [...(alter.cmds ?? [])].reverse()) {
            const prior = nodeAs(c, 'AlterTableCmd');
            if (prior?.subtype === 'AT_DropConstraint' && prior.name === name)
                return prior.missing_ok === true;
            if (prior?.subtype === 'AT_AddConstraint' && nodeAs(prior.def, 'Constraint')?.conname === name)
                return false;
        }
    }
    return false;
}
export const preferRobustStmts = {
    meta: {
        id: 'prefer-robust-stmts',
        category: 'robustness',
        defaultSeverity: 'off',
        summary: 'Outside a transaction, make statements re-runnable with IF [NOT] EXISTS.',
        why: 'A migration that does not run in a transaction (`-- pgwarden:no-transaction`, CREATE INDEX CONCURRENTLY, or a runner that autocommits each statement) can fail halfway, leaving its first statements applied. Re-running it then fails on the first CREATE that already exists or DROP that is already gone, and someone has to repair the database by hand. Statements inside a transaction are not reported: a failure rolls all of them back. Checked: CREATE TABLE/INDEX/SCHEMA/SEQUENCE/EXTENSION without IF NOT EXISTS (temporary tables excepted), DROP without IF EXISTS, ALTER TABLE ADD COLUMN without IF NOT EXISTS, DROP COLUMN/CONSTRAINT without IF EXISTS, and ADD CONSTRAINT not preceded by a DROP CONSTRAINT IF EXISTS of the same name. Off by default.',
        safeAlternative: [
            '```sql',
            '-- pgwarden:no-transaction',
            'CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_customer_id_idx ON orders (customer_id);',
            'ALTER TABLE orders ADD COLUMN IF NOT EXISTS note text;',
            'ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_total_positive;',
            'ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;',
            '```',
            'Note that a failed CREATE INDEX CONCURRENTLY leaves an INVALID index behind: drop it (DROP INDEX CONCURRENTLY IF EXISTS) before retrying.',
        ].join('\n'),
        help: 'Add IF NOT EXISTS / IF EXISTS so the statement can be re-run after a partial failure.',
        limits: 'Off by default. Only statements that run outside a transaction are checked (per the tool of the layout); squawk checks every file. A DROP CONSTRAINT IF EXISTS guards only the next ADD CONSTRAINT of that name on the same table; a DROP and ADD in the same ALTER TABLE are not paired.',
    },
    check({ statement, transaction, previous, report }) {
        if (transaction.inTransaction)
            return;
        const node = statement.node;
        const create = nodeAs(node, 'CreateStmt');
        // a temporary table goes with the session, so a re-run (a new session) creates it afresh
        if (create?.relation && !create.if_not_exists && create.relation.relpersistence !== 't') {
            report({ message: `CREATE TABLE ${relationName(create.relation)} fails if re-run; use CREATE TABLE IF NOT EXISTS.` });
        }
        const index = nodeAs(node, 'IndexStmt');
        if (index && !index.if_not_exists) {
            report({
                message: index.idxname
                    ? `CREATE INDEX ${index.idxname} fails if re-run; use CREATE INDEX IF NOT EXISTS.`
                    : `This unnamed index is created again on every re-run; name it and use IF NOT EXISTS.`,
            });
        }
        const schema = nodeAs(node, 'CreateSchemaStmt');
        if (schema && !schema.if_not_exists)
            report({ message: `CREATE SCHEMA ${schema.schemaname ?? ''} fails if re-run; use IF NOT EXISTS.` });
        const sequence = nodeAs(node, 'CreateSeqStmt');
        if (sequence && !sequence.if_not_exists)
            report({ message: `CREATE SEQUENCE ${relationName(sequence.sequence)} fails if re-run; use IF NOT EXISTS.` });
        const extension = nodeAs(node, 'CreateExtensionStmt');
        if (extension && !extension.if_not_exists)
            report({ message: `CREATE EXTENSION ${extension.extname ?? ''} fails if re-run; use IF NOT EXISTS.` });
        const drop = nodeAs(node, 'DropStmt');
        if (drop && !drop.missing_ok)
            report({ message: 'DROP fails if re-run after the object is gone; use DROP … IF EXISTS.' });
        const alter = nodeAs(node, 'AlterTableStmt');
        if (!alter?.relation)
            return;
        const table = relationName(alter.relation);
        for (const c of alter.cmds ?? []) {
            const cmd = nodeAs(c, 'AlterTableCmd');
            if (!cmd)
                continue;
            if (cmd.subtype === 'AT_AddColumn' && !cmd.missing_ok) {
                report({ message: `ADD COLUMN ${nodeAs(cmd.def, 'ColumnDef')?.colname ?? ''} on ${table} fails if re-run; use ADD COLUMN IF NOT EXISTS.` });
            }
            if ((cmd.subtype === 'AT_DropColumn' || cmd.subtype === 'AT_DropConstraint') && !cmd.missing_ok) {
                const what = cmd.subtype === 'AT_DropColumn' ? 'DROP COLUMN' : 'DROP CONSTRAINT';
                report({ message: `${what} ${cmd.name ?? ''} on ${table} fails if re-run; use ${what} IF EXISTS.` });
            }
            const constraint = nodeAs(cmd.def, 'Constraint');
            if (cmd.subtype === 'AT_AddConstraint' && constraint) {
                const name = constraint.conname;
                const droppedFirst = name !== undefined && guardedByDrop(previous, alter.relation, name);
                if (!droppedFirst) {
                    report({
                        message: `ADD CONSTRAINT ${name ?? ''} on ${table} fails (or duplicates) if re-run; drop it IF EXISTS first.`,
                        location: constraint.location,
                    });
                }
            }
        }
    },
};
