import { nodeAs, relationName, stringList, typeNameToString } from '../../src/sql/ast.js';
/**
 * Every column a statement gives a type to, with the facts the type rules need. With the schema, an
 * ALTER COLUMN TYPE that restates the column's current type (Sequelize's changeColumn does) is left out:
 * the advice was given when the column got that type.
 */
export function typedColumns(node, schema) {
    const out = [];
    const create = nodeAs(node, 'CreateStmt');
    // a temporary table lives for one session: type advice about growth and time zones does not apply
    if (create?.relation && create.relation.relpersistence !== 't') {
        const tableKeys = new Set();
        for (const element of create.tableElts ?? []) {
            const c = nodeAs(element, 'Constraint');
            // one column of a composite key (invoice_id, line_no) is a position or a code, not an id that runs out
            const primary = c?.contype === 'CONSTR_PRIMARY' ? stringList(c.keys) : [];
            if (primary.length === 1)
                tableKeys.add(primary[0]);
            if (c?.contype === 'CONSTR_FOREIGN')
                stringList(c.fk_attrs).forEach((k) => tableKeys.add(k));
        }
        for (const element of create.tableElts ?? []) {
            const def = nodeAs(element, 'ColumnDef');
            if (def?.colname && def.typeName) {
                out.push(describe(create.relation, def.colname, def, 'create', tableKeys.has(def.colname)));
            }
        }
    }
    const alter = nodeAs(node, 'AlterTableStmt');
    if (alter?.relation && (alter.objtype === undefined || alter.objtype === 'OBJECT_TABLE')) {
        for (const c of alter.cmds ?? []) {
            const cmd = nodeAs(c, 'AlterTableCmd');
            const def = nodeAs(cmd?.def, 'ColumnDef');
            if (!cmd || !def?.typeName)
                continue;
            if (cmd.subtype === 'AT_AddColumn' && def.colname)
                out.push(describe(alter.relation, def.colname, def, 'add', false));
            if (cmd.subtype !== 'AT_AlterColumnType' || !cmd.name)
                continue;
            if (schema?.column(alter.relation, cmd.name)?.type === typeNameToString(def.typeName))
                continue;
            out.push(describe(alter.relation, cmd.name, def, 'alter-type', false));
        }
    }
    return out;
}
function describe(relation, column, def, how, tableKey) {
    const type = def.typeName;
    const names = stringList(type.names);
    const builtin = names.length === 1 || names[0] === 'pg_catalog' ? names[names.length - 1] : undefined;
    const constraints = (def.constraints ?? []).map((c) => nodeAs(c, 'Constraint')).filter((c) => !!c);
    const array = (type.arrayBounds?.length ?? 0) > 0;
    const keyLike = tableKey ||
        column === 'id' ||
        column.endsWith('_id') ||
        /[a-z0-9]Id$/.test(column) || // camelCase keys (Prisma, TypeORM): userId
        (array && (column.endsWith('_ids') || /[a-z0-9]Ids$/.test(column))) || // an array of ids: member_ids int[]
        constraints.some((c) => c.contype === 'CONSTR_PRIMARY' || c.contype === 'CONSTR_IDENTITY' || c.contype === 'CONSTR_FOREIGN');
    return {
        relation,
        table: relationName(relation),
        column,
        type,
        builtin,
        typeText: typeNameToString(type),
        location: type.location ?? def.location,
        how,
        keyLike,
    };
}
/** `column` or `table.column` phrasing for messages. */
export function columnLabel(c) {
    return `${c.table}.${c.column}`;
}
/** True for `int[]`-style array types. */
export function isArray(type) {
    return (type.arrayBounds?.length ?? 0) > 0;
}
