import { nodeAs, stringList } from '../sql/ast.js';
import { splitKey, tableKey } from './schema.js';
// Statements that drop, rename or move objects (DROP …, ALTER … RENAME, SET SCHEMA, ALTER TYPE … VALUE), and
// the smaller objects the model keeps (sequences, the populated state of materialized views).
export function dropObjects(schema, removeType, objects) {
    for (const object of objects) {
        const list = nodeAs(object, 'List');
        if (removeType === 'OBJECT_POLICY') {
            // DROP POLICY p ON [schema.]table: the policy's name comes last
            const parts = stringList(list?.items);
            schema.policies.get(tableKey(parts.slice(0, -1).join('.')))?.delete(parts[parts.length - 1] ?? '');
            continue;
        }
        const name = list ? stringList(list.items).join('.') : stringList(nodeAs(object, 'TypeName')?.names).join('.');
        if (!name)
            continue;
        const key = tableKey(name);
        switch (removeType) {
            case 'OBJECT_TABLE':
            case 'OBJECT_FOREIGN_TABLE':
                schema.tables.delete(key);
                schema.policies.delete(key);
                for (const index of schema.indexesOn(key))
                    schema.indexes.delete(index.key);
                // foreign keys pointing at the table go with it (CASCADE, or there were none)
                for (const other of schema.tables.values()) {
                    other.constraints = other.constraints.filter((c) => c.references?.table !== key);
                }
                for (const partition of schema.tables.values())
                    if (partition.partitionOf === key)
                        schema.tables.delete(partition.key);
                break;
            case 'OBJECT_INDEX': {
                const index = schema.indexes.get(key);
                schema.indexes.delete(key);
                const table = index ? schema.tables.get(index.table) : undefined;
                if (table && index?.constraint)
                    table.constraints = table.constraints.filter((c) => c.name !== index.constraint);
                break;
            }
            case 'OBJECT_VIEW':
            case 'OBJECT_MATVIEW':
                schema.views.delete(key);
                for (const index of schema.indexesOn(key))
                    schema.indexes.delete(index.key);
                break;
            case 'OBJECT_TYPE':
                schema.enums.delete(key);
                break;
            case 'OBJECT_SEQUENCE':
                schema.sequences.delete(key);
                break;
            default:
                break;
        }
    }
}
export function renameObject(schema, rename) {
    const newName = rename.newname;
    if (!newName)
        return;
    switch (rename.renameType) {
        case 'OBJECT_TABLE':
        case 'OBJECT_VIEW':
        case 'OBJECT_MATVIEW':
        case 'OBJECT_FOREIGN_TABLE': {
            if (!rename.relation)
                return;
            const from = tableKey(rename.relation);
            moveRelation(schema, from, `${splitKey(from)[0]}.${newName}`);
            return;
        }
        case 'OBJECT_COLUMN': {
            if (!rename.relation || !rename.subname)
                return;
            const key = tableKey(rename.relation);
            renameColumn(schema, key, rename.subname, newName);
            return;
        }
        case 'OBJECT_TABCONSTRAINT': {
            if (!rename.relation || !rename.subname)
                return;
            const key = tableKey(rename.relation);
            const constraint = schema.table(key)?.constraints.find((c) => c.name === rename.subname);
            if (constraint?.index)
                renameIndex(schema, `${splitKey(key)[0]}.${constraint.index}`, newName);
            else if (constraint)
                constraint.name = newName;
            return;
        }
        case 'OBJECT_INDEX':
            if (rename.relation)
                renameIndex(schema, tableKey(rename.relation), newName);
            return;
        case 'OBJECT_TYPE': {
            const from = tableKey(stringList(nodeAs(rename.object, 'List')?.items).join('.'));
            renameColumnTypes(schema, from, newName);
            const model = schema.enums.get(from);
            if (!model)
                return;
            schema.enums.delete(from);
            model.key = `${splitKey(from)[0]}.${newName}`;
            schema.enums.set(model.key, model);
            return;
        }
        default:
            return;
    }
}
/**
 * Columns keep the renamed type (ALTER TYPE only changes its name): the enum swap TypeORM and Prisma write
 * (rename the old type away, create the new one under its name, retype the column) changes old → new.
 */
function renameColumnTypes(schema, from, newName) {
    for (const table of schema.tables.values()) {
        for (const column of table.columns.values()) {
            const [, base, array] = /^(.*?)((?:\[\])*)$/.exec(column.type) ?? [];
            if (base === undefined || tableKey(base) !== from)
                continue;
            column.type = `${base.includes('.') ? `${splitKey(from)[0]}.` : ''}${newName}${array ?? ''}`;
        }
    }
}
function renameColumn(schema, key, from, to) {
    const table = schema.tables.get(key);
    const column = table?.columns.get(from);
    if (table && column) {
        table.columns.delete(from);
        column.name = to;
        table.columns.set(to, column);
    }
    const swap = (names) => names.map((n) => (n === from ? to : n));
    for (const index of schema.indexesOn(key)) {
        index.columns = swap(index.columns);
        index.uses = swap(index.uses);
        index.include = swap(index.include);
        index.keys = index.keys.map((k) => (k.split('|')[0] === from ? [to, ...k.split('|').slice(1)].join('|') : k));
    }
    for (const constraint of table?.constraints ?? []) {
        constraint.columns = swap(constraint.columns);
        if (constraint.impliesNotNull)
            constraint.impliesNotNull = swap(constraint.impliesNotNull);
    }
    for (const other of schema.tables.values()) {
        for (const c of other.constraints)
            if (c.references?.table === key)
                c.references.columns = swap(c.references.columns);
    }
}
function renameIndex(schema, from, newName) {
    const index = schema.indexes.get(from);
    if (!index)
        return;
    schema.indexes.delete(from);
    // an index and the constraint it backs share one name: renaming either renames both
    if (index.constraint) {
        const constraint = schema.tables.get(index.table)?.constraints.find((c) => c.name === index.constraint);
        if (constraint)
            Object.assign(constraint, { name: newName, index: newName });
        index.constraint = newName;
    }
    index.name = newName;
    index.key = `${splitKey(from)[0]}.${newName}`;
    schema.indexes.set(index.key, index);
}
/** RENAME TO and SET SCHEMA: the table (or view) and its indexes move; references follow. */
export function moveRelation(schema, from, to) {
    const view = schema.views.get(from);
    if (view) {
        schema.views.delete(from);
        view.key = to;
        schema.views.set(to, view);
    }
    const table = schema.tables.get(from);
    if (table) {
        schema.tables.delete(from);
        table.key = to;
        schema.tables.set(to, table);
    }
    const policies = schema.policies.get(from);
    if (policies) {
        schema.policies.delete(from);
        schema.policies.set(to, policies);
    }
    const [toSchema] = splitKey(to);
    for (const index of schema.indexesOn(from)) {
        schema.indexes.delete(index.key);
        index.table = to;
        index.key = `${toSchema}.${index.name}`;
        schema.indexes.set(index.key, index);
    }
    for (const other of schema.tables.values()) {
        if (other.partitionOf === from)
            other.partitionOf = to;
        for (const c of other.constraints)
            if (c.references?.table === from)
                c.references.table = to;
    }
}
export function alterEnumValues(schema, stmt) {
    const model = schema.enums.get(tableKey(stringList(stmt.typeName).join('.')));
    if (!model)
        return;
    if (stmt.oldVal && stmt.newVal) {
        model.values = model.values.map((v) => (v === stmt.oldVal ? stmt.newVal : v));
        return;
    }
    if (!stmt.newVal || model.values.includes(stmt.newVal))
        return;
    const at = stmt.newValNeighbor ? model.values.indexOf(stmt.newValNeighbor) : -1;
    if (at === -1)
        model.values.push(stmt.newVal);
    else
        model.values.splice(stmt.newValIsAfter ? at + 1 : at, 0, stmt.newVal);
}
/** CREATE SEQUENCE (a relation made in this file) and REFRESH MATERIALIZED VIEW (populated or emptied). */
export function replaySequenceOrRefresh(schema, node) {
    const sequence = nodeAs(node, 'CreateSeqStmt');
    if (sequence?.sequence) {
        const key = tableKey(sequence.sequence);
        if (!(sequence.if_not_exists && schema.sequences.has(key)))
            schema.sequences.set(key, { key, origin: schema.origin });
        return true;
    }
    const refresh = nodeAs(node, 'RefreshMatViewStmt');
    if (refresh?.relation) {
        const matview = schema.view(refresh.relation);
        if (matview)
            matview.unpopulated = refresh.skipData === true;
        return true;
    }
    return false;
}
