import { nodeAs, relationName } from '../src/sql/ast.js';
export const banTruncate = {
    meta: {
        id: 'ban-truncate',
        category: 'destructive',
        defaultSeverity: 'error',
        summary: 'TRUNCATE deletes every row of a table and locks it against all reads and writes.',
        why: 'TRUNCATE empties the table at once, so its data is gone unless restored from a backup, and it takes an ACCESS EXCLUSIVE lock that blocks every query on the table until the migration commits. It also skips ON DELETE triggers. A table created earlier in the same file is not reported. TRUNCATE … CASCADE is reported by ban-truncate-cascade instead.',
        safeAlternative: [
            'If the rows really must go, delete them in bounded batches outside the schema migration (a data migration or a job), after a backup:',
            '```sql',
            'DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log WHERE created_at < now() - interval \'1 year\' LIMIT 10000);',
            '```',
            'To start over with a table, create a new one and switch code to it in a later release.',
        ].join('\n'),
        help: 'Delete rows in batches with a WHERE clause after a backup, or suppress with a reason.',
        limits: 'Tables created earlier in the same file (or in an earlier part of the same migration, for layouts that split one migration into parts) count as new and empty and are not reported. TRUNCATE … CASCADE is left to ban-truncate-cascade. TRUNCATE inside dynamic SQL built at run time is not seen.',
    },
    visits: ['TruncateStmt'],
    check({ statement, schema, report }) {
        const truncate = nodeAs(statement.node, 'TruncateStmt');
        if (!truncate || truncate.behavior === 'DROP_CASCADE')
            return;
        for (const r of truncate.relations ?? []) {
            const rel = nodeAs(r, 'RangeVar');
            if (!rel || schema.createdInCurrentFile(rel))
                continue;
            report({ message: `TRUNCATE deletes every row of ${relationName(rel)} and blocks all access to it until commit.`, location: rel.location });
        }
    },
};
