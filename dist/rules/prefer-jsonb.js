import { columnLabel, typedColumns } from './lib/column-types.js';
export const preferJsonb = {
    meta: {
        id: 'prefer-jsonb',
        category: 'types',
        defaultSeverity: 'warning',
        summary: 'Use jsonb rather than json for stored JSON.',
        why: 'json stores the raw text and re-parses it on every access; it has no equality operator (so DISTINCT, GROUP BY, UNION and unique constraints fail on it) and cannot be indexed with GIN. jsonb stores a parsed binary form, supports containment operators and indexes, and is what almost every application wants. Converting later rewrites the table under an ACCESS EXCLUSIVE lock. Keep json only when the exact text (key order, duplicate keys, white space) must be preserved.',
        safeAlternative: [
            '```sql',
            "ALTER TABLE events ADD COLUMN payload jsonb NOT NULL DEFAULT '{}';",
            '```',
        ].join('\n'),
        help: 'Declare the column as jsonb.',
        limits: 'Reported where json is written; whether the exact text must be kept (the one reason for json) is not known.',
    },
    visits: ['CreateStmt', 'AlterTableStmt'],
    check({ statement, schema, report }) {
        for (const c of typedColumns(statement.node, schema)) {
            if (c.builtin !== 'json')
                continue;
            report({ message: `${columnLabel(c)} is ${c.typeText}; use jsonb.`, location: c.location });
        }
    },
};
