import { nodeAs, walk } from '../sql/ast.js';
/** Why a finding was left as it is. */
export class NotFixable extends Error {
}
const IDENT = String.raw `(?:"(?:[^"]|"")+"|[A-Za-z_][A-Za-z0-9_$]*)`;
const QUALIFIED = String.raw `${IDENT}(?:\s*\.\s*${IDENT})*`;
const ALTER_TABLE = new RegExp(String.raw `^ALTER\s+TABLE\s+(?:IF\s+EXISTS\s+)?(?:ONLY\s+)?(${QUALIFIED})`, 'i');
/** The table as the statement spells it (`orders`, `"Sales".orders`), for the statements added after it. */
function tableAsWritten(statement) {
    const m = ALTER_TABLE.exec(statement.text);
    if (!m)
        throw new NotFixable('the table name could not be read back from the statement');
    return m[1];
}
/** A name the generated SQL can write bare when PostgreSQL would fold it to itself. */
export function sqlName(name) {
    return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
function endsInComment(text) {
    return /(\*\/|--[^\n]*)\s*$/.test(text);
}
/** CREATE [UNIQUE] INDEX … → CREATE [UNIQUE] INDEX CONCURRENTLY … */
export function concurrentIndex(statement) {
    const index = nodeAs(statement.node, 'IndexStmt');
    if (!index || index.concurrent)
        throw new NotFixable('not a CREATE INDEX without CONCURRENTLY');
    const m = /^CREATE\s+(?:UNIQUE\s+)?INDEX\b/i.exec(statement.text);
    if (!m)
        throw new NotFixable('the statement does not start with CREATE INDEX');
    return { rule: 'require-concurrent-index-creation', text: `${m[0]} CONCURRENTLY${statement.text.slice(m[0].length)}`, followUps: [], outsideTransaction: true };
}
function singleCommand(statement) {
    const alter = nodeAs(statement.node, 'AlterTableStmt');
    const cmds = (alter?.cmds ?? []).map((c) => nodeAs(c, 'AlterTableCmd'));
    if (!alter || cmds.length !== 1 || !cmds[0])
        throw new NotFixable('the ALTER TABLE does more than one thing: split it into one statement per change first');
    return cmds[0];
}
/**
 * The name PostgreSQL gives an unnamed constraint when none of that name exists yet (ChooseConstraintName):
 * `<table>_<columns>_fkey`, `<table>_<column>_check` (one column referenced) or `<table>_check`.
 */
export function defaultConstraintName(table, c) {
    let name;
    if (c.contype === 'CONSTR_FOREIGN') {
        const cols = (c.fk_attrs ?? []).map((n) => nodeAs(n, 'String')?.sval ?? '');
        name = `${table}_${cols.join('_')}_fkey`;
    }
    else {
        const columns = new Set();
        walk(c.raw_expr, (kind, payload) => {
            if (kind !== 'ColumnRef')
                return;
            const fields = payload.fields ?? [];
            const last = fields[fields.length - 1];
            if (last?.String?.sval)
                columns.add(last.String.sval);
        });
        name = columns.size === 1 ? `${table}_${[...columns][0]}_check` : `${table}_check`;
    }
    // PostgreSQL shortens long parts to fit NAMEDATALEN; the name it would choose is then not certain here
    if (Buffer.byteLength(name) > 63)
        throw new NotFixable(`the constraint has no name and PostgreSQL's would be shortened: name it (ADD CONSTRAINT …) first`);
    return name;
}
/** ADD FOREIGN KEY / ADD CHECK → the same NOT VALID, then VALIDATE CONSTRAINT after it commits. */
export function notValidConstraint(statement, rule) {
    const cmd = singleCommand(statement);
    const c = nodeAs(cmd.def, 'Constraint');
    if (cmd.subtype !== 'AT_AddConstraint' || !c || (c.contype !== 'CONSTR_FOREIGN' && c.contype !== 'CONSTR_CHECK')) {
        throw new NotFixable('only ALTER TABLE … ADD [CONSTRAINT …] FOREIGN KEY / CHECK is rewritten (a constraint inside ADD COLUMN cannot be NOT VALID)');
    }
    if (c.skip_validation)
        throw new NotFixable('the constraint is NOT VALID already');
    if (endsInComment(statement.text))
        throw new NotFixable('the statement ends in a comment');
    const relation = nodeAs(statement.node, 'AlterTableStmt').relation;
    const name = c.conname ?? defaultConstraintName(relation.relname ?? '', c);
    const table = tableAsWritten(statement);
    return { rule, text: `${statement.text} NOT VALID`, followUps: [`ALTER TABLE ${table} VALIDATE CONSTRAINT ${sqlName(name)}`] };
}
/**
 * SET NOT NULL → CHECK (col IS NOT NULL) NOT VALID now; VALIDATE it, SET NOT NULL (which the validated
 * CHECK lets skip its scan, PostgreSQL 12+) and DROP the helper after it commits.
 */
export function notNullViaCheck(statement) {
    const cmd = singleCommand(statement);
    if (cmd.subtype !== 'AT_SetNotNull' || !cmd.name)
        throw new NotFixable('only ALTER TABLE … ALTER COLUMN … SET NOT NULL is rewritten');
    const relation = nodeAs(statement.node, 'AlterTableStmt').relation;
    const table = tableAsWritten(statement);
    const m = new RegExp(String.raw `ALTER\s+(?:COLUMN\s+)?(${IDENT})\s+SET\s+NOT\s+NULL`, 'i').exec(statement.text);
    if (!m)
        throw new NotFixable('the column name could not be read back from the statement');
    const column = m[1];
    // not `<table>_<column>_not_null`: PostgreSQL 18 gives the NOT NULL constraint itself that name
    const helper = `${relation.relname}_${cmd.name}_is_not_null`;
    if (Buffer.byteLength(helper) > 63)
        throw new NotFixable('the helper constraint\'s name would be too long');
    const name = sqlName(helper);
    return {
        rule: 'adding-not-nullable-field',
        text: `ALTER TABLE ${table} ADD CONSTRAINT ${name} CHECK (${column} IS NOT NULL) NOT VALID`,
        followUps: [`ALTER TABLE ${table} VALIDATE CONSTRAINT ${name}`, `ALTER TABLE ${table} ALTER COLUMN ${column} SET NOT NULL`, `ALTER TABLE ${table} DROP CONSTRAINT ${name}`],
    };
}
