import { nodeAs, stringList } from '../sql/ast.js';
import { tableKey } from './schema.js';
/**
 * Tables whose rows (or column values) a statement may destroy. Tables created earlier in the same
 * file are not at risk: nothing outside the migration can have written to them yet.
 */
export function tablesAtRisk(statement, schema) {
    const out = [];
    const add = (table, reason) => {
        if (!schema.createdInCurrentFile(table))
            out.push({ table: tableKey(table), reason, statement });
    };
    const node = statement.node;
    const drop = nodeAs(node, 'DropStmt');
    if (drop?.removeType === 'OBJECT_TABLE') {
        for (const o of drop.objects ?? [])
            add(stringList(nodeAs(o, 'List')?.items).join('.'), 'DROP TABLE');
    }
    const truncate = nodeAs(node, 'TruncateStmt');
    for (const r of truncate?.relations ?? []) {
        const rv = nodeAs(r, 'RangeVar');
        if (rv)
            add(tableKey(rv), 'TRUNCATE');
    }
    const del = nodeAs(node, 'DeleteStmt');
    if (del?.relation)
        add(tableKey(del.relation), 'DELETE');
    const update = nodeAs(node, 'UpdateStmt');
    if (update?.relation)
        add(tableKey(update.relation), 'UPDATE');
    const alter = nodeAs(node, 'AlterTableStmt');
    if (alter?.relation && alter.objtype === 'OBJECT_TABLE') {
        for (const c of alter.cmds ?? []) {
            const cmd = nodeAs(c, 'AlterTableCmd');
            if (cmd?.subtype === 'AT_DropColumn')
                add(tableKey(alter.relation), 'DROP COLUMN');
            if (cmd?.subtype === 'AT_AlterColumnType')
                add(tableKey(alter.relation), 'ALTER COLUMN TYPE');
        }
    }
    return out;
}
