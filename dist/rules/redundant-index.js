import { createdBy } from '../src/analysis/schema.js';
/** True when every query `x` serves, `y` serves as well, so `x` only costs writes and space. */
export function isRedundantTo(x, y) {
    if (x === y || x.method !== y.method || x.predicate !== y.predicate)
        return false;
    const duplicate = x.keys.length === y.keys.length && x.keys.every((k, i) => k === y.keys[i]);
    const prefix = x.keys.length <= y.keys.length && x.keys.every((k, i) => k === y.keys[i]);
    if (!prefix)
        return false;
    // INCLUDE columns serve index-only scans: y must store them too
    if (!x.include.every((c) => y.include.includes(c) || y.columns.includes(c)))
        return false;
    // only btree can answer a lookup on a prefix of its columns this way
    if (!duplicate && x.method !== 'btree')
        return false;
    // a unique index enforces uniqueness of its exact columns: only an identical unique index replaces it
    if (x.unique && !(duplicate && y.unique))
        return false;
    // an index backing a constraint cannot be dropped on its own
    if (x.constraint && !y.constraint)
        return false;
    if (duplicate && x.unique === y.unique && Boolean(x.constraint) === Boolean(y.constraint)) {
        // of two identical indexes, the one created later is the redundant one (a primary key never)
        if (y.constraint && x.constraint && y.name.endsWith('_pkey') !== x.name.endsWith('_pkey'))
            return !x.name.endsWith('_pkey');
        return createdAfter(x, y);
    }
    return true;
}
function createdAfter(x, y) {
    return x.sequence > y.sequence;
}
const describe = (i) => `${i.name} (${i.columns.join(', ')})`;
export const redundantIndex = {
    meta: {
        id: 'redundant-index',
        category: 'robustness',
        defaultSeverity: 'warning',
        summary: 'An index whose columns are a prefix of another index on the same table only slows writes.',
        why: [
            'A btree index on (a, b) answers every lookup an index on (a) answers. The shorter index still has to be updated on every',
            'INSERT and UPDATE, takes disk and memory, and makes the planner’s choice harder. Two indexes with the same columns are',
            'plain duplicates. pgwarden compares indexes as the migration history built them: same table, same access method, same',
            'partial predicate (or none), opclass and sort order. A unique index is never redundant to a non-unique one, and an index',
            'backing a primary key or unique constraint is not reported (drop the other one instead).',
        ].join(' '),
        safeAlternative: [
            'Keep the wider index and drop the redundant one, concurrently so that writes continue:',
            '```sql',
            '-- pgwarden:no-transaction',
            'DROP INDEX CONCURRENTLY orders_customer_id_idx; -- covered by orders_customer_id_created_at_idx',
            '```',
        ].join('\n'),
        help: 'Drop the redundant index (DROP INDEX CONCURRENTLY); the wider one serves the same queries.',
        limits: 'Compares indexes the replayed history built (same table, method, predicate, opclass and order); indexes created outside it are unknown. Constraint-backing and unique indexes are never reported as redundant.',
    },
    // Checked on the schema at the end of the file, so an index dropped later in the same file is not reported.
    checkFile({ schema, parsed, report }) {
        // Only a table with an index this file created can have a finding: grouping every index of the
        // history, file after file, made a long history quadratic. Tables in the order of the whole grouping.
        if (parsed.statements.length === 0)
            return;
        const byTable = new Map();
        for (const table of schema.tablesWithIndexesSetInFile()) {
            const indexes = schema.indexesOn(table);
            if (indexes.some((index) => createdBy(index.origin, parsed.statements)))
                byTable.set(table, indexes);
        }
        for (const indexes of byTable.values()) {
            for (const x of indexes) {
                const y = indexes.find((other) => isRedundantTo(x, other));
                if (!y)
                    continue;
                const xNew = createdBy(x.origin, parsed.statements);
                const yNew = createdBy(y.origin, parsed.statements);
                if (!xNew && !yNew)
                    continue;
                const duplicate = x.keys.length === y.keys.length;
                const reportAtX = xNew && (!yNew || createdAfter(x, y));
                const message = duplicate
                    ? `Index ${describe(x)} duplicates ${y.name}: one of them only slows writes.`
                    : reportAtX
                        ? `Index ${describe(x)} is redundant: ${describe(y)} starts with the same columns and serves the same lookups.`
                        : `Index ${describe(y)} makes ${describe(x)} redundant: drop ${x.name}.`;
                report({ statement: (reportAtX ? x : y).origin.statement, message });
            }
        }
    },
};
