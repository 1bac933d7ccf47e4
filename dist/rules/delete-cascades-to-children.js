import { relationName } from '../src/sql/ast.js';
import { modifyingStatements } from './lib/modifying-statements.js';
import { constantTruth } from './lib/row-bound.js';
import { deleteCascade, displayTable } from './lib/cascades.js';
export const deleteCascadesToChildren = {
    meta: {
        id: 'delete-cascades-to-children',
        category: 'destructive',
        defaultSeverity: 'warning',
        summary: 'A DELETE on a table whose foreign keys cascade also deletes or clears rows of the tables that reference it.',
        why: [
            'A foreign key declared ON DELETE CASCADE deletes the referencing rows together with the row they point to, and ON DELETE SET',
            'NULL / SET DEFAULT overwrites their key column: a DELETE that names one table changes others that the migration never',
            'mentions, recursively, with no way back but a backup. The statement reads as a cleanup of one table, so reviewers miss it.',
            'pgwarden follows the foreign keys of the replayed history (including keys added later to tables it does not know) and names',
            'the tables that lose rows or values. A DELETE without WHERE (or with a WHERE that is always true) is ban-delete-without-where\'s',
            'finding, which names the same tables; TRUNCATE … CASCADE is ban-truncate-cascade\'s. Tables created earlier in the same file',
            'are empty and left out. The default severity is warning: the DELETE itself is deliberate and the cascade is what the',
            'schema\'s foreign keys ask for; the finding makes its reach visible in review (an unbounded DELETE is an error of its own).',
        ].join(' '),
        safeAlternative: [
            'Delete the children first, explicitly, in batches, so the migration says what it removes (and the runner\'s safety net counts those tables too):',
            '```sql',
            "DELETE FROM order_lines WHERE order_id IN (SELECT o.id FROM orders o JOIN users u ON u.id = o.user_id WHERE u.email LIKE '%@test.invalid');",
            "DELETE FROM orders WHERE user_id IN (SELECT id FROM users WHERE email LIKE '%@test.invalid');",
            "DELETE FROM users WHERE email LIKE '%@test.invalid';",
            '```',
            'If the cascade is intended, suppress the finding with the reason: `-- pgwarden-ignore delete-cascades-to-children: test users and their orders go`.',
        ].join('\n'),
        help: 'Delete the referencing rows explicitly first (or suppress with the reason if the cascade is intended).',
        limits: 'Only foreign keys the replayed history (or `--database-url`) shows are followed; keys created outside it, triggers and rules that delete more are not seen (pgwarden\'s runner measures what a migration really changed). An unbounded DELETE is left to ban-delete-without-where and TRUNCATE … CASCADE to ban-truncate-cascade. squawk has no equivalent rule.',
    },
    check({ statement, schema, report }) {
        for (const { stmt: del, location } of modifyingStatements(statement.node, 'DeleteStmt')) {
            if (!del.relation || schema.createdInCurrentFile(del.relation))
                continue;
            // an unbounded DELETE is ban-delete-without-where's finding, which names the same children
            if (!del.whereClause || constantTruth(del.whereClause) === true)
                continue;
            const { deleted, changed } = deleteCascade(schema, del.relation);
            if (deleted.length === 0 && changed.length === 0)
                continue;
            const parts = [
                ...(deleted.length > 0 ? [`deletes the rows of ${deleted.map(displayTable).join(', ')} that reference them (ON DELETE CASCADE)`] : []),
                ...changed.map((c) => `sets ${c.columns.map((col) => `${displayTable(c.table)}.${col}`).join(', ')} to ${c.to === 'NULL' ? 'NULL (ON DELETE SET NULL)' : 'its default (ON DELETE SET DEFAULT)'}`),
            ];
            report({
                message: `Deleting rows of ${relationName(del.relation)} also ${parts.join(' and ')}.`,
                location: location === undefined ? undefined : del.relation.location,
            });
        }
    },
};
