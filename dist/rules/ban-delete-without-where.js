import { relationName } from '../src/sql/ast.js';
import { modifyingStatements } from './lib/modifying-statements.js';
import { constantTruth, predicateText } from './lib/row-bound.js';
import { cascadeTail } from './lib/cascades.js';
export const banDeleteWithoutWhere = {
    meta: {
        id: 'ban-delete-without-where',
        category: 'destructive',
        defaultSeverity: 'error',
        summary: 'DELETE without WHERE removes every row of the table.',
        why: 'A DELETE with no WHERE clause deletes the whole table\'s content, usually by mistake (a condition lost in editing). In a migration it also holds row locks on every row until commit and leaves the table full of dead tuples. A table created earlier in the same file is not reported.',
        safeAlternative: [
            'Say which rows to delete, and for large tables delete in batches:',
            '```sql',
            'DELETE FROM sessions WHERE expires_at < now();',
            '```',
            'If emptying the table is really intended, say so with a suppression and its reason: `-- pgwarden-ignore ban-delete-without-where: <why every row>`. `WHERE true` or `WHERE 1 = 1` is reported like no WHERE at all.',
        ].join('\n'),
        help: 'Add a WHERE clause naming the rows to delete; if every row is really meant, suppress with the reason.',
        limits: 'A WHERE clause counts as no condition only when it is constant-true in a way pgwarden can evaluate (`true`, `1 = 1`, comparisons of literals, AND/OR/NOT of them); a condition that happens to match every row (`id > 0`) is not recognised. USING joins count as a condition. The child tables named are those whose ON DELETE CASCADE / SET NULL keys the model knows. Tables created earlier in the same file are not reported.',
    },
    check({ statement, schema, report }) {
        // WITH d AS (DELETE FROM t RETURNING *) … empties t just the same
        for (const { stmt: del, location } of modifyingStatements(statement.node, 'DeleteStmt')) {
            // WHERE true, WHERE 1 = 1: a condition every row meets is no condition
            const always = constantTruth(del.whereClause) === true;
            if (!del.relation || (del.whereClause && !always) || schema.createdInCurrentFile(del.relation))
                continue;
            const how = always ? `with a WHERE that is always true (${predicateText(del.whereClause)})` : 'without WHERE';
            // in a CTE, point at the table the DELETE names
            report({ message: `DELETE ${how} removes every row of ${relationName(del.relation)}${cascadeTail(schema, del.relation)}.`, location: location === undefined ? undefined : del.relation.location });
        }
    },
};
