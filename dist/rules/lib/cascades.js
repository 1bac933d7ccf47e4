import { splitKey, tableKey } from '../../src/analysis/schema.js';
const display = (key) => (splitKey(key)[0] === 'public' ? splitKey(key)[1] : key);
/**
 * The tables a DELETE on `table` reaches through ON DELETE CASCADE / SET NULL / SET DEFAULT foreign
 * keys. Tables created earlier in the file are empty and left out. NO ACTION and RESTRICT make the
 * DELETE fail instead, which is not a loss.
 */
export function deleteCascade(schema, table) {
    const out = { deleted: [], changed: [] };
    const seen = new Set([tableKey(table)]);
    const visit = (parent) => {
        for (const { table: child, constraint } of schema.foreignKeys()) {
            if (constraint.references?.table !== parent || schema.createdInCurrentFile(child))
                continue;
            if (constraint.onDelete === 'cascade' && !seen.has(child)) {
                seen.add(child);
                out.deleted.push(child);
                visit(child);
            }
            else if (constraint.onDelete === 'set null' || constraint.onDelete === 'set default') {
                out.changed.push({ table: child, columns: constraint.columns, to: constraint.onDelete === 'set null' ? 'NULL' : 'default' });
            }
        }
    };
    visit(tableKey(table));
    return out;
}
/** Every table that references one of `tables`, directly or through each other (what TRUNCATE … CASCADE empties). */
export function referencingTables(schema, tables) {
    const out = [];
    const seen = new Set(tables);
    const visit = (parent) => {
        for (const { table: child, constraint } of schema.foreignKeys()) {
            if (constraint.references?.table !== parent || seen.has(child))
                continue;
            seen.add(child);
            out.push(child);
            visit(child);
        }
    };
    tables.forEach(visit);
    return out;
}
/** `, and with them every row of orders (ON DELETE CASCADE) and every notes.user_id (set to NULL)`, or ''. */
export function cascadeTail(schema, table) {
    const { deleted, changed } = deleteCascade(schema, table);
    const parts = [
        ...(deleted.length > 0 ? [`every row of ${deleted.map(display).join(', ')} (ON DELETE CASCADE)`] : []),
        ...changed.map((c) => `every ${c.columns.map((col) => `${display(c.table)}.${col}`).join(', ')} (set to ${c.to === 'NULL' ? 'NULL' : 'its default'})`),
    ];
    return parts.length === 0 ? '' : `, and with them ${parts.join(' and ')}`;
}
export { display as displayTable };
