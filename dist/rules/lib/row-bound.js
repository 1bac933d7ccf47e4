import { nodeAs, stringList } from '../../src/sql/ast.js';
/**
 * True when a WHERE clause pins a unique key to constants (`id = 7`, `key = 'site_name'`,
 * `id IN (1, 2, 3)`, ANDed with anything, or ORs of such), so the statement touches a handful of rows:
 * a data fix, not a backfill. Unique keys come from the replayed model; for a table it does not know,
 * a column named `id` counts as its key.
 */
export function pinsUniqueKey(where, table, schema) {
    if (!where)
        return false;
    const keys = uniqueKeys(table, schema);
    return bounded(where, keys);
}
function uniqueKeys(table, schema) {
    const model = schema.table(table);
    if (!model)
        return [['id']];
    const keys = [];
    for (const index of model.indexes)
        if (index.unique && !index.partial && index.columns.every((c) => !c.startsWith('(')))
            keys.push(index.columns);
    for (const c of model.constraints)
        if ((c.type === 'primary' || c.type === 'unique') && c.columns.length > 0)
            keys.push(c.columns);
    return keys;
}
function bounded(expr, keys) {
    const bool = nodeAs(expr, 'BoolExpr');
    if (bool?.boolop === 'OR_EXPR')
        return (bool.args ?? []).every((a) => bounded(a, keys));
    const pinned = new Set();
    collectPinned(expr, pinned);
    return keys.some((key) => key.length > 0 && key.every((c) => pinned.has(c)));
}
function collectPinned(expr, pinned) {
    const bool = nodeAs(expr, 'BoolExpr');
    if (bool?.boolop === 'AND_EXPR') {
        for (const a of bool.args ?? [])
            collectPinned(a, pinned);
        return;
    }
    const op = nodeAs(expr, 'A_Expr');
    if (!op)
        return;
    const name = stringList(op.name).join('');
    if (op.kind === 'AEXPR_OP' && name === '=') {
        const column = columnOf(op.lexpr) ?? columnOf(op.rexpr);
        const other = columnOf(op.lexpr) ? op.rexpr : op.lexpr;
        if (column && isConstant(other))
            pinned.add(column);
    }
    else if (op.kind === 'AEXPR_IN' && name === '=') {
        const column = columnOf(op.lexpr);
        const list = nodeAs(op.rexpr, 'List')?.items ?? [];
        if (column && list.length > 0 && list.every(isConstant))
            pinned.add(column);
    }
}
function columnOf(node) {
    const ref = nodeAs(node, 'ColumnRef');
    return ref ? stringList(ref.fields).pop() : undefined;
}
function isConstant(node) {
    if (!node)
        return false;
    if (nodeAs(node, 'A_Const') || nodeAs(node, 'ParamRef'))
        return true;
    const cast = nodeAs(node, 'TypeCast');
    return cast !== undefined && isConstant(cast.arg);
}
/**
 * The truth value of a WHERE clause made of constants (`true`, `1 = 1`, `'a' = 'a' AND NOT false`,
 * `x > 0 OR true`), as PostgreSQL evaluates it for every row; undefined when it depends on the row. A
 * constant-true WHERE is no condition at all: the statement touches every row.
 */
export function constantTruth(expr) {
    if (!expr)
        return undefined;
    const constant = constantValue(expr);
    if (typeof constant === 'boolean')
        return constant;
    const bool = nodeAs(expr, 'BoolExpr');
    if (bool) {
        const args = (bool.args ?? []).map(constantTruth);
        if (bool.boolop === 'NOT_EXPR')
            return args[0] === undefined ? undefined : !args[0];
        if (bool.boolop === 'AND_EXPR')
            return args.some((a) => a === false) ? false : args.every((a) => a === true) ? true : undefined;
        return args.some((a) => a === true) ? true : args.every((a) => a === false) ? false : undefined;
    }
    const test = nodeAs(expr, 'NullTest');
    if (test && constantValue(test.arg) !== undefined)
        return (constantValue(test.arg) === null) === (test.nulltesttype === 'IS_NULL');
    const op = nodeAs(expr, 'A_Expr');
    if (op?.kind !== 'AEXPR_OP')
        return undefined;
    const [left, right] = [constantValue(op.lexpr), constantValue(op.rexpr)];
    if (left === undefined || right === undefined || left === null || right === null || typeof left !== typeof right)
        return undefined;
    const name = stringList(op.name).join('');
    if (name === '=')
        return left === right;
    if (name === '<>' || name === '!=')
        return left !== right;
    // strings order by collation: only numbers are compared here
    if (typeof left !== 'number' || typeof right !== 'number')
        return undefined;
    if (name === '<')
        return left < right;
    if (name === '>')
        return left > right;
    if (name === '<=')
        return left <= right;
    if (name === '>=')
        return left >= right;
    return undefined;
}
/** A literal's value (`1`, `'a'`, `true`, `'t'::boolean`, NULL), or undefined when it is not a constant. */
function constantValue(node) {
    const c = nodeAs(node, 'A_Const');
    if (c) {
        if (c.isnull)
            return null;
        if (c.boolval)
            return c.boolval.boolval === true;
        if (c.ival)
            return c.ival.ival ?? 0;
        if (c.fval)
            return Number(c.fval.fval);
        if (c.sval)
            return c.sval.sval ?? '';
        return undefined;
    }
    const cast = nodeAs(node, 'TypeCast');
    if (!cast)
        return undefined;
    const value = constantValue(cast.arg);
    const type = stringList(cast.typeName?.names).pop();
    if ((type === 'bool' || type === 'boolean') && typeof value === 'string') {
        const text = value.trim().toLowerCase();
        if (['t', 'true', 'y', 'yes', 'on', '1'].includes(text))
            return true;
        if (['f', 'false', 'n', 'no', 'off', '0'].includes(text))
            return false;
    }
    return undefined;
}
/** A WHERE clause written back for a message (`1 = 1`, `'a' = 'a' AND true`); parts it cannot spell are `…`. */
export function predicateText(expr, nested = false) {
    if (!expr)
        return '';
    const c = nodeAs(expr, 'A_Const');
    if (c) {
        if (c.isnull)
            return 'NULL';
        if (c.boolval)
            return c.boolval.boolval ? 'true' : 'false';
        if (c.ival)
            return String(c.ival.ival ?? 0);
        if (c.fval)
            return c.fval.fval ?? '';
        if (c.sval)
            return `'${(c.sval.sval ?? '').replace(/'/g, "''")}'`;
    }
    const cast = nodeAs(expr, 'TypeCast');
    if (cast)
        return `${predicateText(cast.arg, true)}::${stringList(cast.typeName?.names).filter((n) => n !== 'pg_catalog').join('.')}`;
    const ref = nodeAs(expr, 'ColumnRef');
    if (ref)
        return stringList(ref.fields).join('.') || '*';
    const call = nodeAs(expr, 'FuncCall');
    if (call)
        return `${stringList(call.funcname).join('.')}(${(call.args ?? []).map((a) => predicateText(a)).join(', ')})`;
    const test = nodeAs(expr, 'NullTest');
    if (test)
        return `${predicateText(test.arg, true)} IS ${test.nulltesttype === 'IS_NULL' ? '' : 'NOT '}NULL`;
    const op = nodeAs(expr, 'A_Expr');
    if (op?.kind === 'AEXPR_OP') {
        const text = `${op.lexpr ? `${predicateText(op.lexpr, true)} ` : ''}${stringList(op.name).join('')} ${predicateText(op.rexpr, true)}`;
        return nested ? `(${text})` : text;
    }
    const bool = nodeAs(expr, 'BoolExpr');
    if (bool) {
        const args = (bool.args ?? []).map((a) => predicateText(a, true));
        const text = bool.boolop === 'NOT_EXPR' ? `NOT ${args[0]}` : args.join(bool.boolop === 'AND_EXPR' ? ' AND ' : ' OR ');
        return nested ? `(${text})` : text;
    }
    return '…';
}
