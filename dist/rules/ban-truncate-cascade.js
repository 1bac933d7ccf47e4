import { tableKey } from '../src/analysis/schema.js';
import { displayTable, referencingTables } from './lib/cascades.js';
import { nodeAs, relationName } from '../src/sql/ast.js';
export const banTruncateCascade = {
    meta: {
        id: 'ban-truncate-cascade',
        category: 'destructive',
        defaultSeverity: 'error',
        summary: 'TRUNCATE … CASCADE also empties every table that references the truncated ones.',
        why: 'With CASCADE, PostgreSQL truncates every table with a foreign key to the named tables, and the tables referencing those, recursively. A migration that empties one lookup table can silently wipe orders, payments or users, all under ACCESS EXCLUSIVE locks. Which tables are hit depends on the foreign keys in the production schema, not on what the migration names.',
        safeAlternative: [
            'Name every table to empty explicitly, without CASCADE, so that PostgreSQL refuses when another table still references the rows:',
            '```sql',
            'TRUNCATE order_items, orders;',
            '```',
            'Better still, delete the rows you mean with a WHERE clause, in batches.',
        ].join('\n'),
        help: 'List the tables to empty explicitly and drop CASCADE.',
        limits: 'The tables named in the message are those whose foreign keys the replayed history (or `--database-url`) shows; keys created outside it are not known, so the list may be incomplete, and the message says so. Reported even when the named table was created in the same file, because its referencing tables may be older.',
    },
    visits: ['TruncateStmt'],
    check({ statement, schema, report }) {
        const truncate = nodeAs(statement.node, 'TruncateStmt');
        if (truncate?.behavior !== 'DROP_CASCADE')
            return;
        const relations = (truncate.relations ?? []).map((r) => nodeAs(r, 'RangeVar')).filter((r) => r !== undefined);
        const names = relations.map(relationName).join(', ');
        const it = relations.length > 1 ? 'them' : 'it';
        // whatever the ON DELETE action: TRUNCATE … CASCADE empties every referencing table
        const known = referencingTables(schema, relations.map((r) => tableKey(r)));
        if (known.length === 0) {
            report({ message: `TRUNCATE ${names} CASCADE also empties every table that references ${it}, recursively.` });
            return;
        }
        report({ message: `TRUNCATE ${names} CASCADE also empties ${known.map(displayTable).join(', ')} (they reference ${it}, directly or through each other), and any table that references ${it} outside the replayed history.` });
    },
};
