import { nodeAs, relationName, stringList } from '../src/sql/ast.js';
/** Reports the second naming of each column; field and element assignments of one column may repeat. */
function reportRepeats(ctx, named, table, verb, statementKind) {
    // column → whether every naming so far sets only a field or element of it (c.x, a[1])
    const seen = new Map();
    const reported = new Set();
    for (const { name, partial, location } of named) {
        // PostgreSQL merges several field or element assignments of one column; only a whole-column one clashes
        if (seen.has(name) && !(partial && seen.get(name)) && !reported.has(name)) {
            reported.add(name);
            ctx.report({ message: `Column ${name} of ${table} is ${verb} more than once; PostgreSQL rejects this ${statementKind}.`, location });
        }
        seen.set(name, (seen.get(name) ?? true) && partial);
    }
}
function targets(list) {
    return (list ?? []).flatMap((t) => {
        const target = nodeAs(t, 'ResTarget');
        return target?.name ? [{ name: target.name, partial: (target.indirection ?? []).length > 0, location: target.location }] : [];
    });
}
/**
 * The name PostgreSQL gives an output column it was not given one (FigureColname): a column reference's
 * last part, a function's name, `case`, a cast's inner name or its type, `?column?` for a constant or an
 * operator. Undefined when the expression is of a kind not followed here, or expands (`*`).
 */
function inferredName(expr) {
    const ref = nodeAs(expr, 'ColumnRef');
    if (ref) {
        const last = ref.fields?.[ref.fields.length - 1];
        return nodeAs(last, 'A_Star') ? undefined : stringList(ref.fields).pop();
    }
    const call = nodeAs(expr, 'FuncCall');
    if (call)
        return stringList(call.funcname).pop();
    const cast = nodeAs(expr, 'TypeCast');
    if (cast) {
        const inner = inferredName(cast.arg);
        return inner !== undefined && inner !== '?column?' ? inner : stringList(cast.typeName?.names).pop();
    }
    if (nodeAs(expr, 'CaseExpr'))
        return 'case';
    if (nodeAs(expr, 'CoalesceExpr'))
        return 'coalesce';
    if (nodeAs(expr, 'A_ArrayExpr'))
        return 'array';
    for (const kind of ['A_Const', 'A_Expr', 'BoolExpr', 'NullTest', 'BooleanTest', 'ParamRef'])
        if (nodeAs(expr, kind))
            return '?column?';
    return undefined;
}
/** The output columns of a query (its first branch for UNION and friends), with the explicit names first. */
function outputColumns(query, explicit) {
    let select = nodeAs(query, 'SelectStmt');
    while (select && select.op !== undefined && select.op !== 'SETOP_NONE')
        select = select.larg;
    const given = stringList(explicit);
    const out = [];
    (select?.targetList ?? []).forEach((t, i) => {
        const target = nodeAs(t, 'ResTarget');
        const name = given[i] ?? target?.name ?? inferredName(target?.val);
        if (name !== undefined)
            out.push({ name, partial: false, location: target?.location });
    });
    // an explicit list longer than the query is an error of its own; its repeats still count
    for (let i = out.length; i < given.length; i++)
        out.push({ name: given[i], partial: false });
    return out;
}
function declaredColumns(elements) {
    return (elements ?? []).flatMap((e) => {
        const def = nodeAs(e, 'ColumnDef');
        return def?.colname ? [{ name: def.colname, partial: false, location: def.location }] : [];
    });
}
export const banDuplicateColumnAssignments = {
    meta: {
        id: 'ban-duplicate-column-assignments',
        category: 'robustness',
        defaultSeverity: 'error',
        summary: 'A statement that sets, lists or declares the same column twice fails when the migration runs.',
        why: [
            'PostgreSQL rejects `UPDATE t SET a = 1, a = 2` ("multiple assignments to same column"), `INSERT INTO t (a, a)`, the same in',
            'MERGE\'s INSERT list and UPDATE SET, and a column declared or named twice by CREATE TABLE, CREATE FOREIGN TABLE, CREATE VIEW,',
            'CREATE MATERIALIZED VIEW, CREATE TABLE AS or SELECT INTO ("column … specified more than once"): the migration fails on every',
            'environment, typically after earlier statements of a non-transactional migration already ran. A view\'s columns are named by',
            'its explicit list, by AS, or as PostgreSQL infers them (a column\'s last name part, a function\'s name, `?column?` for',
            'constants), so `SELECT t.id, u.id` and `SELECT count(*), count(*)` clash too. The duplicate is almost always an editing',
            'mistake. Assigning fields of a composite column or elements of an array several times (`SET c.x = 1, c.y = 2`, `SET a[1] = 1,',
            'a[2] = 2`) is allowed and not reported; a whole-column assignment next to any other assignment of that column is. Not checked:',
            'what `*` expands to, and expressions whose inferred name pgwarden does not derive (it reports only names it is sure of).',
        ].join(' '),
        safeAlternative: [
            'Assign, list and name each column once; give computed view columns their own names:',
            '```sql',
            "UPDATE users SET first_name = split_part(name, ' ', 1), last_name = split_part(name, ' ', 2) WHERE last_name IS NULL;",
            'CREATE VIEW order_totals AS SELECT o.id AS order_id, c.id AS customer_id, count(*) AS lines FROM orders o JOIN customers c ON c.id = o.customer_id GROUP BY o.id, c.id;',
            '```',
        ].join('\n'),
        help: 'Set, list and name each column once; check which column the duplicate was meant to be.',
        limits: 'The output names of a view or CREATE TABLE AS are derived the way PostgreSQL derives them only for column references, function calls, casts, CASE and constants; for other expressions the name is not guessed, and what `*` expands to is not checked, so such duplicates are not reported. A UNION takes the first branch\'s names.',
    },
    check(ctx) {
        const node = ctx.statement.node;
        const update = nodeAs(node, 'UpdateStmt');
        if (update)
            reportRepeats(ctx, targets(update.targetList), relationName(update.relation), 'assigned', 'UPDATE');
        const insert = nodeAs(node, 'InsertStmt');
        if (insert) {
            const table = relationName(insert.relation);
            reportRepeats(ctx, targets(insert.cols), table, 'listed', 'INSERT');
            if (insert.onConflictClause)
                reportRepeats(ctx, targets(insert.onConflictClause.targetList), table, 'assigned', 'UPDATE');
        }
        const merge = nodeAs(node, 'MergeStmt');
        for (const w of merge?.mergeWhenClauses ?? []) {
            const when = nodeAs(w, 'MergeWhenClause');
            const table = relationName(merge?.relation);
            if (when?.commandType === 'CMD_INSERT')
                reportRepeats(ctx, targets(when.targetList), table, 'listed', 'MERGE');
            if (when?.commandType === 'CMD_UPDATE')
                reportRepeats(ctx, targets(when.targetList), table, 'assigned', 'MERGE');
        }
        const create = nodeAs(node, 'CreateStmt');
        if (create?.relation)
            reportRepeats(ctx, declaredColumns(create.tableElts), relationName(create.relation), 'declared', 'CREATE TABLE');
        const foreign = nodeAs(node, 'CreateForeignTableStmt')?.base;
        if (foreign?.relation)
            reportRepeats(ctx, declaredColumns(foreign.tableElts), relationName(foreign.relation), 'declared', 'CREATE FOREIGN TABLE');
        const view = nodeAs(node, 'ViewStmt');
        if (view?.view)
            reportRepeats(ctx, outputColumns(view.query, view.aliases), relationName(view.view), 'named', 'CREATE VIEW');
        const ctas = nodeAs(node, 'CreateTableAsStmt');
        if (ctas?.into?.rel) {
            const kind = ctas.objtype === 'OBJECT_MATVIEW' ? 'CREATE MATERIALIZED VIEW' : 'CREATE TABLE AS';
            reportRepeats(ctx, outputColumns(ctas.query, ctas.into.colNames), relationName(ctas.into.rel), 'named', kind);
        }
        const select = nodeAs(node, 'SelectStmt');
        const into = select?.intoClause?.rel;
        if (select && into)
            reportRepeats(ctx, outputColumns(node, select.intoClause?.colNames), relationName(into), 'named', 'SELECT INTO');
    },
};
