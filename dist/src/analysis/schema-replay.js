import { nodeAs, stringList, typeNameToString } from '../sql/ast.js';
import { newTable, splitKey, tableKey, } from './schema.js';
import { expressionVolatility, isSerialType, serialBaseType } from './volatility.js';
import { canonicalExpression, chooseName, indexColumnName, indexNameAddition, referencedColumns } from './names.js';
import { replayDeclaredObjects } from './declared-objects.js';
import { alterEnumValues, dropObjects, moveRelation, renameObject, replaySequenceOrRefresh } from './schema-objects.js';
/** Applies one statement's effect on tables, columns, indexes, constraints, views, enums, domains and functions. */
export function replayStatement(schema, node) {
    replayDeclaredObjects(schema.domains, schema.functions, node);
    const create = nodeAs(node, 'CreateStmt');
    if (create?.relation)
        return createTable(schema, create);
    const alter = nodeAs(node, 'AlterTableStmt');
    if (alter?.relation)
        return alterTable(schema, alter.relation, alter.cmds ?? []);
    const index = nodeAs(node, 'IndexStmt');
    if (index?.relation) {
        if (index.idxname && index.if_not_exists && schema.index(qualify(index.relation, index.idxname)))
            return;
        addIndex(schema, tableKey(index.relation), indexFromElems(index.indexParams, index.indexIncludingParams), {
            name: index.idxname,
            unique: index.unique ?? false,
            where: index.whereClause,
            method: index.accessMethod ?? 'btree',
            label: index.primary ? 'pkey' : 'idx',
        });
        return;
    }
    const policy = nodeAs(node, 'CreatePolicyStmt');
    if (policy?.table && policy.policy_name) {
        const key = tableKey(policy.table);
        schema.policies.set(key, (schema.policies.get(key) ?? new Set()).add(policy.policy_name));
        return;
    }
    const drop = nodeAs(node, 'DropStmt');
    if (drop)
        return dropObjects(schema, drop.removeType ?? '', drop.objects ?? []);
    const rename = nodeAs(node, 'RenameStmt');
    if (rename)
        return renameObject(schema, rename);
    const move = nodeAs(node, 'AlterObjectSchemaStmt');
    if (move?.relation && move.newschema) {
        const from = tableKey(move.relation);
        moveRelation(schema, from, `${move.newschema}.${splitKey(from)[1]}`);
        return;
    }
    const ctas = nodeAs(node, 'CreateTableAsStmt');
    if (ctas?.into?.rel) {
        if (ctas.objtype === 'OBJECT_MATVIEW') {
            const key = tableKey(ctas.into.rel);
            schema.views.set(key, { key, materialized: true, unpopulated: ctas.into.skipData === true, origin: schema.origin });
        }
        else
            createOpaqueTable(schema, ctas.into.rel);
        return;
    }
    const select = nodeAs(node, 'SelectStmt');
    if (select?.intoClause?.rel)
        return createOpaqueTable(schema, select.intoClause.rel);
    const view = nodeAs(node, 'ViewStmt');
    if (view?.view) {
        const key = tableKey(view.view);
        if (!view.replace || !schema.views.has(key))
            schema.views.set(key, { key, materialized: false, origin: schema.origin });
        return;
    }
    if (replaySequenceOrRefresh(schema, node))
        return;
    const createEnum = nodeAs(node, 'CreateEnumStmt');
    if (createEnum) {
        const key = tableKey(stringList(createEnum.typeName).join('.'));
        schema.enums.set(key, { key, values: stringList(createEnum.vals), origin: schema.origin });
        return;
    }
    const alterEnum = nodeAs(node, 'AlterEnumStmt');
    if (alterEnum)
        alterEnumValues(schema, alterEnum);
}
function qualify(table, name) {
    return `${splitKey(tableKey(table))[0]}.${name}`;
}
function createOpaqueTable(schema, rel) {
    const table = newTable(schema, tableKey(rel), schema.origin);
    table.shapeKnown = false;
    schema.tables.set(table.key, table);
}
function createTable(schema, create) {
    const key = tableKey(create.relation);
    if (create.if_not_exists && (schema.tables.has(key) || schema.views.has(key)))
        return;
    // The old table must have been dropped outside the model's sight (a ROLLBACK, a DO block's EXECUTE…):
    // forget its indexes so they do not haunt the new one.
    for (const index of schema.indexesOn(key))
        schema.indexes.delete(index.key);
    const table = newTable(schema, key, schema.origin);
    table.unlogged = create.relation?.relpersistence === 'u';
    table.partitioned = create.partspec !== undefined;
    const parents = (create.inhRelations ?? []).map((r) => nodeAs(r, 'RangeVar')).filter((r) => r !== undefined);
    for (const parent of parents) {
        const model = schema.table(parent);
        if (!model || !model.shapeKnown)
            table.shapeKnown = false;
        for (const column of model?.columns.values() ?? [])
            table.columns.set(column.name, { ...column, origin: schema.origin });
    }
    if (create.partbound && parents[0])
        table.partitionOf = tableKey(parents[0]);
    if (create.ofTypename)
        table.shapeKnown = false;
    schema.tables.set(key, table);
    const tableConstraints = [];
    for (const element of create.tableElts ?? []) {
        const column = nodeAs(element, 'ColumnDef');
        if (column)
            addColumn(schema, table, column, true);
        const constraint = nodeAs(element, 'Constraint');
        if (constraint)
            tableConstraints.push(constraint);
        if (nodeAs(element, 'TableLikeClause'))
            table.shapeKnown = false;
    }
    // Table constraints after the columns: a PRIMARY KEY (a) may come before column a is declared.
    for (const constraint of tableConstraints)
        addConstraint(schema, table, constraint, undefined, true);
}
function addColumn(schema, table, def, inCreate) {
    if (!def.colname)
        return;
    const written = typeNameToString(def.typeName);
    const column = {
        name: def.colname,
        type: serialBaseType(written),
        notNull: isSerialType(written),
        hasDefault: isSerialType(written),
        default: isSerialType(written) ? { volatility: 'volatile', function: 'nextval' } : undefined,
        origin: schema.origin,
    };
    const existing = table.columns.get(def.colname);
    if (existing && !inCreate)
        return; // ADD COLUMN IF NOT EXISTS on a column we know
    table.columns.set(def.colname, column);
    for (const c of def.constraints ?? []) {
        const constraint = nodeAs(c, 'Constraint');
        if (!constraint)
            continue;
        switch (constraint.contype) {
            case 'CONSTR_NOTNULL':
                column.notNull = true;
                break;
            case 'CONSTR_NULL':
                column.notNull = false;
                break;
            case 'CONSTR_DEFAULT': {
                const verdict = expressionVolatility(constraint.raw_expr, schema.functions);
                column.hasDefault = true;
                column.default = { volatility: verdict.volatility, function: verdict.function };
                break;
            }
            case 'CONSTR_IDENTITY':
                column.generated = 'identity';
                column.notNull = true;
                column.hasDefault = true;
                column.default = { volatility: 'volatile', function: 'nextval' };
                break;
            case 'CONSTR_GENERATED':
                column.generated = 'stored';
                column.hasDefault = true;
                break;
            default:
                // an inline constraint is reported at its column: `customer_id bigint REFERENCES customers`
                addConstraint(schema, table, constraint, def.colname, inCreate, def.location);
        }
    }
}
function indexFromElems(params, including) {
    const elems = (params ?? []).map((p) => nodeAs(p, 'IndexElem')).filter((e) => e !== undefined);
    const include = (including ?? []).flatMap((i) => {
        const name = nodeAs(i, 'IndexElem')?.name;
        return name ? [name] : [];
    });
    return {
        columns: elems.map((e) => (e.name ? e.name : `(${indexColumnName(e)})`)),
        keys: elems.map((e) => [
            e.name ?? `expr:${canonicalExpression(e.expr)}`,
            stringList(e.opclass).join('.'),
            stringList(e.collation).join('.'),
            ...sortOrder(e),
        ].join('|')),
        include,
        uses: [...elems.flatMap((e) => (e.name ? [e.name] : referencedColumns(e.expr))), ...include],
    };
}
/** DESC and NULLS FIRST/LAST only where they differ from the default, so `(a ASC)` equals `(a)`. */
function sortOrder(e) {
    const desc = e.ordering === 'SORTBY_DESC';
    const nullsFirst = e.nulls_ordering === 'SORTBY_NULLS_FIRST' || (e.nulls_ordering !== 'SORTBY_NULLS_LAST' && desc);
    return [desc ? 'desc' : '', nullsFirst !== desc ? (nullsFirst ? 'nulls first' : 'nulls last') : ''];
}
function columnsShape(columns) {
    return { columns, keys: columns.map((c) => `${c}||||`), include: [], uses: columns };
}
let indexSequence = 0;
function addIndex(schema, table, shape, options) {
    const [schemaName, tableName] = splitKey(table);
    const taken = (name) => schema.relationExists(`${schemaName}.${name}`);
    const name = options.name ??
        (options.label === 'pkey'
            ? chooseName(tableName, undefined, 'pkey', taken)
            : chooseName(tableName, indexNameAddition(shape.columns.map((c) => c.replace(/^\((.*)\)$/, '$1'))), options.label, taken));
    const index = {
        name,
        key: `${schemaName}.${name}`,
        table,
        columns: shape.columns,
        keys: shape.keys,
        include: shape.include,
        uses: [...new Set([...shape.uses, ...referencedColumns(options.where)])],
        unique: options.unique,
        partial: options.where !== undefined,
        predicate: options.where ? canonicalExpression(options.where) : undefined,
        method: options.method,
        constraint: options.constraint,
        sequence: ++indexSequence,
        origin: schema.origin,
    };
    schema.indexes.set(index.key, index);
    return index;
}
function addConstraint(schema, table, constraint, column, inCreate, location, 
/** The table's key when the history never created it: its CHECK and FOREIGN KEY constraints are kept aside. */
outsideKey) {
    const key = table?.key ?? '';
    const tableName = splitKey(key || (outsideKey ?? ''))[1];
    const own = (names) => (column ? [column] : stringList(names));
    const push = (model) => {
        const list = table?.constraints ?? (outsideKey !== undefined && (model.type === 'check' || model.type === 'foreign') ? schema.outsideConstraints(outsideKey) : undefined);
        list?.push({ ...model, location: location ?? constraint.location, origin: schema.origin });
        if (table)
            schema.noteConstraintAdded(table);
    };
    // NOT VALID is ignored by CREATE TABLE: the new table is empty, so the constraint is valid at once.
    const validated = inCreate || !constraint.skip_validation;
    switch (constraint.contype) {
        case 'CONSTR_PRIMARY':
        case 'CONSTR_UNIQUE': {
            const primary = constraint.contype === 'CONSTR_PRIMARY';
            let columns = own(constraint.keys);
            let indexName;
            if (constraint.indexname) {
                // … USING INDEX: the existing index is renamed to the constraint's name
                const existing = schema.index(`${splitKey(key)[0]}.${constraint.indexname}`);
                if (existing) {
                    schema.indexes.delete(existing.key);
                    columns = existing.columns;
                }
                const name = constraint.conname ?? constraint.indexname;
                const index = addIndex(schema, key, existing ?? columnsShape(columns), { name, unique: true, method: 'btree', label: 'key', constraint: name });
                indexName = index.name;
            }
            else {
                const index = addIndex(schema, key, columnsShape(columns), {
                    name: constraint.conname,
                    unique: true,
                    method: 'btree',
                    label: primary ? 'pkey' : 'key',
                });
                index.constraint = index.name;
                indexName = index.name;
            }
            if (primary)
                for (const c of columns) {
                    const col = table?.columns.get(c);
                    if (col)
                        col.notNull = true;
                }
            push({ name: indexName, type: primary ? 'primary' : 'unique', columns, validated: true, index: indexName });
            return;
        }
        case 'CONSTR_EXCLUSION': {
            const elems = (constraint.exclusions ?? []).map((e) => nodeAs(e, 'List')?.items?.[0]);
            const shape = indexFromElems(elems.filter((e) => e !== undefined), undefined);
            const index = addIndex(schema, key, shape, {
                name: constraint.conname,
                unique: false,
                where: constraint.where_clause,
                method: constraint.access_method ?? 'gist',
                label: 'excl',
            });
            index.constraint = index.name;
            push({ name: index.name, type: 'exclusion', columns: shape.uses, validated: true, index: index.name });
            return;
        }
        case 'CONSTR_FOREIGN': {
            const columns = own(constraint.fk_attrs);
            const name = constraint.conname ?? generatedConstraintName(table, tableName, columns.join('_'), 'fkey');
            const references = constraint.pktable ? { table: tableKey(constraint.pktable), columns: stringList(constraint.pk_attrs) } : undefined;
            push({ name, type: 'foreign', columns, references, validated, onDelete: ON_DELETE[constraint.fk_del_action ?? 'a'] ?? 'no action' });
            return;
        }
        case 'CONSTR_CHECK': {
            const mentioned = referencedColumns(constraint.raw_expr);
            // PostgreSQL names a check after its column only when it mentions exactly one
            const name = constraint.conname ?? generatedConstraintName(table, tableName, mentioned.length === 1 ? mentioned[0] : undefined, 'check');
            push({ name, type: 'check', columns: mentioned, validated, impliesNotNull: notNullProofs(constraint.raw_expr) });
            return;
        }
        default:
            return;
    }
}
/** fk_del_action as the parser spells it. */
const ON_DELETE = { a: 'no action', r: 'restrict', c: 'cascade', n: 'set null', d: 'set default' };
function generatedConstraintName(table, tableName, addition, label) {
    return chooseName(tableName, addition || undefined, label, (n) => table?.constraints.some((c) => c.name === n) ?? false);
}
/** Columns a CHECK expression proves NOT NULL: `a IS NOT NULL`, possibly AND-ed with other conditions. */
function notNullProofs(expr) {
    const test = nodeAs(expr, 'NullTest');
    if (test?.nulltesttype === 'IS_NOT_NULL') {
        const name = stringList(nodeAs(test.arg, 'ColumnRef')?.fields);
        return name.length === 1 ? name : [];
    }
    const bool = nodeAs(expr, 'BoolExpr');
    if (bool?.boolop === 'AND_EXPR')
        return (bool.args ?? []).flatMap((a) => notNullProofs(a));
    return [];
}
function alterTable(schema, relation, cmds) {
    const key = tableKey(relation);
    const table = schema.tables.get(key);
    for (const c of cmds) {
        const cmd = nodeAs(c, 'AlterTableCmd');
        if (!cmd)
            continue;
        const column = cmd.name ? table?.columns.get(cmd.name) : undefined;
        switch (cmd.subtype) {
            case 'AT_AddColumn': {
                const def = nodeAs(cmd.def, 'ColumnDef');
                if (table && def)
                    addColumn(schema, table, def, false);
                break;
            }
            case 'AT_DropColumn':
                if (cmd.name)
                    dropColumn(schema, key, table, cmd.name);
                break;
            case 'AT_AlterColumnType': {
                const def = nodeAs(cmd.def, 'ColumnDef');
                if (column && def?.typeName)
                    column.type = typeNameToString(def.typeName);
                break;
            }
            case 'AT_SetNotNull':
                if (column && !column.notNull)
                    Object.assign(column, { notNull: true, notNullSince: schema.origin });
                break;
            case 'AT_DropNotNull':
                if (column)
                    Object.assign(column, { notNull: false, notNullSince: undefined });
                break;
            case 'AT_ColumnDefault':
                if (column) {
                    const verdict = expressionVolatility(cmd.def, schema.functions);
                    column.hasDefault = cmd.def !== undefined;
                    column.default = cmd.def ? { volatility: verdict.volatility, function: verdict.function } : undefined;
                }
                break;
            case 'AT_AddIdentity':
                if (column)
                    Object.assign(column, { generated: 'identity', notNull: true, hasDefault: true });
                break;
            case 'AT_DropIdentity':
            case 'AT_DropExpression':
                if (column)
                    Object.assign(column, { generated: undefined, hasDefault: false, default: undefined });
                break;
            case 'AT_AddConstraint': {
                const constraint = nodeAs(cmd.def, 'Constraint');
                if (constraint)
                    addConstraint(schema, table, constraint, undefined, false, undefined, table ? undefined : key);
                break;
            }
            case 'AT_DropConstraint':
                if (cmd.name)
                    dropConstraint(schema, key, table, cmd.name);
                break;
            case 'AT_ValidateConstraint': {
                const constraint = schema.constraintsOf(key).find((x) => x.name === cmd.name);
                if (constraint)
                    constraint.validated = true;
                break;
            }
            case 'AT_AttachPartition':
            case 'AT_DetachPartition': {
                const partition = nodeAs(cmd.def, 'PartitionCmd')?.name;
                const model = partition ? schema.table(partition) : undefined;
                if (model)
                    model.partitionOf = cmd.subtype === 'AT_AttachPartition' ? key : undefined;
                break;
            }
            case 'AT_SetLogged':
            case 'AT_SetUnLogged':
                if (table)
                    table.unlogged = cmd.subtype === 'AT_SetUnLogged';
                break;
            default:
                break;
        }
    }
}
function dropColumn(schema, key, table, name) {
    table?.columns.delete(name);
    // PostgreSQL drops the indexes and constraints that use the column along with it.
    for (const index of schema.indexesOn(key))
        if (index.uses.includes(name))
            schema.indexes.delete(index.key);
    if (table)
        table.constraints = table.constraints.filter((c) => !c.columns.includes(name));
}
function dropConstraint(schema, key, table, name) {
    const constraint = table?.constraints.find((c) => c.name === name);
    if (table)
        table.constraints = table.constraints.filter((c) => c.name !== name);
    else
        schema.dropOutsideConstraint(key, name);
    const backing = constraint?.index ?? name;
    const index = schema.indexesOn(key).find((i) => i.name === backing && i.constraint !== undefined);
    if (index)
        schema.indexes.delete(index.key);
}
