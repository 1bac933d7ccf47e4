import { createdBy, splitKey } from '../src/analysis/schema.js';
/** An index serves a foreign key when its leading key columns are exactly the key's columns (in any order). */
export function indexCovers(index, columns) {
    if (index.partial)
        return false;
    if (index.method !== 'btree' && !(index.method === 'hash' && columns.length === 1))
        return false;
    const leading = index.columns.slice(0, columns.length);
    return leading.length === columns.length && columns.every((c) => leading.includes(c));
}
function displayName(key) {
    const [schema, name] = splitKey(key);
    return schema === 'public' ? name : key;
}
function covered(schema, table, fk) {
    return schema.indexesOn(table).some((i) => indexCovers(i, fk.columns));
}
export const foreignKeyMissingIndex = {
    meta: {
        id: 'foreign-key-missing-index',
        category: 'robustness',
        defaultSeverity: 'warning',
        summary: 'A foreign key without an index on its referencing columns makes deletes on the referenced table scan this one.',
        why: [
            'PostgreSQL indexes the referenced side of a foreign key (it must be a primary key or unique), never the referencing side.',
            'Without an index whose leading columns are the foreign key columns, every DELETE or key UPDATE on the referenced table',
            'scans the whole referencing table to check for rows that still point at it, while holding row locks; ON DELETE CASCADE',
            'does the same, and joins from parent to children are slow. pgwarden looks for such an index on the table as the',
            'migration history built it (primary keys and unique constraints count), including indexes created later in the same',
            'migration file. Tables created outside the history are unknown and not reported.',
        ].join(' '),
        safeAlternative: [
            'Index the referencing columns; on an existing table build it concurrently (outside a transaction):',
            '```sql',
            '-- pgwarden:no-transaction',
            'CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);',
            '```',
            'For a table created in the same migration a plain CREATE INDEX is fine:',
            '```sql',
            'CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id));',
            'CREATE INDEX invoices_customer_id_idx ON invoices (customer_id);',
            '```',
        ].join('\n'),
        help: 'Create an index whose leading columns are the foreign key columns (CONCURRENTLY on an existing table).',
        limits: 'An index counts when its leading columns are the key\'s columns, on the table as the replayed history built it (including indexes created later in the same file); tables created outside the history, or via LIKE … INCLUDING INDEXES, are unknown and not reported.',
    },
    // Checked once the whole file is replayed, so an index created later in the same file counts.
    checkFile({ schema, parsed, report }) {
        // only tables this file added a constraint to: going over every table of the history once per file
        // made a long history quadratic
        if (parsed.statements.length === 0)
            return;
        for (const table of schema.tablesConstrainedInFile()) {
            // LIKE … INCLUDING INDEXES and friends: the table may have indexes the model cannot see
            if (!table.shapeKnown)
                continue;
            for (const fk of table.constraints) {
                if (fk.type !== 'foreign' || !createdBy(fk.origin, parsed.statements))
                    continue;
                if (covered(schema, table.key, fk))
                    continue;
                const referenced = fk.references ? ` → ${displayName(fk.references.table)}` : '';
                const columns = fk.columns.join(', ');
                report({
                    statement: fk.origin.statement,
                    location: fk.location,
                    message: `Foreign key ${fk.name} on ${displayName(table.key)} (${columns})${referenced} has no index starting with (${columns}): deletes and key updates on the referenced table scan ${displayName(table.key)}.`,
                });
            }
        }
    },
};
