import { nodeAs, stringList, typeNameToString, unqualified, walk } from '../src/sql/ast.js';
import { pgSince } from '../src/analysis/pg-features.js';
export const banNewEnumValueUseInTransaction = {
    meta: {
        id: 'ban-new-enum-value-use-in-transaction',
        category: 'transactions',
        defaultSeverity: 'error',
        summary: 'A value added with ALTER TYPE … ADD VALUE cannot be used in the transaction that added it.',
        why: 'From PostgreSQL ' + pgSince('enumAddValueInTransaction') + ', ALTER TYPE … ADD VALUE may run inside a transaction block, but the new label stays unusable until that transaction commits: an UPDATE, INSERT, DEFAULT, CHECK or index predicate that mentions it in the same transaction fails with "unsafe use of new value", and the whole migration rolls back. Runners that wrap each migration in one transaction (pgwarden, Flyway, Prisma, golang-migrate\'s multi-statement files, Django) hit this whenever a migration adds a value and then backfills or defaults to it. Statements are reported when they mention the new label and the enum type (a cast, or a table with a column of that type); files that run each statement on its own are not reported.',
        safeAlternative: [
            'Add the value in one migration and use it in the next (or commit in between):',
            '```sql',
            "-- 0007_add_archived.sql",
            "ALTER TYPE post_status ADD VALUE 'archived' AFTER 'published';",
            '```',
            '```sql',
            "-- 0008_archive_old_posts.sql",
            "UPDATE posts SET status = 'archived' WHERE published_at < now() - interval '5 years';",
            '```',
        ].join('\n'),
        help: 'Move the statements that use the new enum value to a later migration, after the ADD VALUE has committed.',
        limits: 'A use of the new label is recognised in a cast to the enum or in a statement on a table with a column of that type; uses hidden in functions, views or dynamic SQL are not seen. Whether the statements share a transaction follows the tool of the file\'s layout (and the --assume-… flags).',
    },
    check(ctx) {
        if (!ctx.transaction.inTransaction)
            return;
        const node = ctx.statement.node;
        if (nodeAs(node, 'AlterEnumStmt') || nodeAs(node, 'CreateFunctionStmt') || nodeAs(node, 'CommentStmt'))
            return;
        const added = valuesAddedInThisTransaction(ctx);
        if (added.size === 0)
            return;
        const types = typesInvolved(ctx, node, new Set(added.keys()));
        if (types.size === 0)
            return;
        const labels = new Map();
        for (const type of types)
            for (const label of added.get(type) ?? [])
                labels.set(label, type);
        const elsewhere = boundToOtherColumns(ctx, node, types);
        let reported = false;
        walk(node, (kind, payload) => {
            if (reported || kind !== 'A_Const')
                return;
            const value = payload.sval?.sval;
            if (value === undefined || !labels.has(value) || elsewhere.has(payload))
                return;
            reported = true;
            ctx.report({
                message: `'${value}' was added to enum ${labels.get(value)} earlier in this transaction: PostgreSQL refuses to use it before that commits ("unsafe use of new value").`,
                location: payload.location,
            });
        });
    },
};
/** Enum type (unqualified, as written) → labels ADD VALUE gave it earlier in the current transaction. */
function valuesAddedInThisTransaction(ctx) {
    const out = new Map();
    const here = ctx.transaction.id;
    ctx.previous.forEach((statement, i) => {
        const state = ctx.transactions.states[i];
        if (!state?.inTransaction || state.id !== here)
            return;
        const alter = nodeAs(statement.node, 'AlterEnumStmt');
        if (!alter?.newVal || alter.oldVal)
            return;
        const type = unqualified(stringList(alter.typeName).join('.'));
        let labels = out.get(type);
        if (!labels)
            out.set(type, (labels = new Set()));
        labels.add(alter.newVal);
    });
    return out;
}
/** Which of `enums` the statement touches: a cast or column definition of the type, or a table with such a column. */
function typesInvolved(ctx, node, enums) {
    const found = new Set();
    const enumOf = (type) => {
        const name = unqualified(type.replace(/\[\]$/, ''));
        return enums.has(name) ? name : undefined;
    };
    walk(node, (kind, payload) => {
        // type names sit untagged in TypeCast.typeName and ColumnDef.typeName
        if (kind === 'TypeCast' || kind === 'ColumnDef') {
            const name = enumOf(typeNameToString(payload.typeName));
            if (name)
                found.add(name);
        }
        else if (kind === 'RangeVar')
            addTableTypes(ctx, payload, enumOf, found);
    });
    // fields such as UpdateStmt.relation hold a RangeVar without its tag
    for (const value of Object.values(Object.values(node)[0] ?? {})) {
        if (value && typeof value === 'object' && 'relname' in value)
            addTableTypes(ctx, value, enumOf, found);
    }
    return found;
}
function addTableTypes(ctx, relation, enumOf, found) {
    const table = ctx.schema.table(relation);
    for (const column of table?.columns.values() ?? []) {
        const name = enumOf(column.type);
        if (name)
            found.add(name);
    }
}
/**
 * Constants the statement assigns to, compares with or defaults a column that is known not to be of one
 * of `types` (`SET note = 'archived'`, `WHERE kind = 'archived'`, `VALUES` for a text column): the same
 * text as a new label, but not a use of it.
 */
function boundToOtherColumns(ctx, node, types) {
    const relations = [];
    walk(node, (kind, payload) => void (kind === 'RangeVar' && relations.push(payload)));
    for (const value of Object.values(Object.values(node)[0] ?? {})) {
        if (value && typeof value === 'object' && 'relname' in value)
            relations.push(value);
    }
    const other = (column) => {
        if (!column)
            return false;
        const found = relations.map((r) => ctx.schema.column(r, column)?.type).filter((t) => t !== undefined);
        return found.length > 0 && !found.some((t) => types.has(unqualified(t.replace(/\[\]$/, ''))));
    };
    const out = new Set();
    const bind = (column, value) => {
        const constants = nodeAs(value, 'List')?.items ?? (value ? [value] : []);
        for (const c of constants) {
            const constant = nodeAs(c, 'A_Const');
            if (constant && other(column))
                out.add(constant);
        }
    };
    const columnOf = (n) => stringList(nodeAs(n, 'ColumnRef')?.fields).pop();
    walk(node, (kind, payload) => {
        if (kind === 'UpdateStmt' || kind === 'InsertStmt' || kind === 'OnConflictClause') {
            for (const t of payload.targetList ?? [])
                bind(nodeAs(t, 'ResTarget')?.name, nodeAs(t, 'ResTarget')?.val);
        }
        if (kind === 'InsertStmt') {
            const columns = (payload.cols ?? []).map((c) => nodeAs(c, 'ResTarget')?.name);
            for (const row of nodeAs(payload.selectStmt, 'SelectStmt')?.valuesLists ?? []) {
                (nodeAs(row, 'List')?.items ?? []).forEach((v, i) => bind(columns[i], v));
            }
        }
        if (kind === 'A_Expr') {
            const { lexpr, rexpr } = payload;
            bind(columnOf(lexpr), rexpr);
            bind(columnOf(rexpr), lexpr);
        }
        if (kind === 'AlterTableCmd' && payload.subtype === 'AT_ColumnDefault') {
            bind(payload.name, payload.def);
        }
    });
    return out;
}
