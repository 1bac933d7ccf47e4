import { nodeAs, relationName } from '../src/sql/ast.js';
import { modifyingStatements } from './lib/modifying-statements.js';
import { constantTruth, predicateText } from './lib/row-bound.js';
export const banUpdateWithoutWhere = {
    meta: {
        id: 'ban-update-without-where',
        category: 'destructive',
        defaultSeverity: 'error',
        summary: 'UPDATE without WHERE overwrites a column in every row of the table.',
        why: 'An UPDATE with no WHERE clause replaces the old values in every row, usually by mistake, and they cannot be recovered without a backup. Even a deliberate one-statement backfill of a new column locks every row of the table until commit (blocking concurrent updates and deletes), writes a new version of every row (doubling the table\'s size until vacuum) and produces WAL for the whole table at once. Tables created earlier in the same file are not reported.',
        safeAlternative: [
            'Say which rows to change, and for large tables update in batches, each in its own transaction and outside the DDL transaction:',
            '```sql',
            "UPDATE users SET status = 'active' WHERE status IS NULL AND id BETWEEN 1 AND 10000;",
            '```',
            'If every row is really meant (a small table), say so with a suppression and its reason, which reviewers read: `-- pgwarden-ignore ban-update-without-where: <why every row>`. `WHERE true` or `WHERE 1 = 1` is reported like no WHERE at all.',
        ].join('\n'),
        help: 'Add a WHERE clause naming the rows to change; if every row is really meant, suppress with the reason.',
        limits: 'As for ban-delete-without-where: only constant-true WHERE clauses pgwarden can evaluate count as no condition, and tables created earlier in the same file are not reported. A backfill of a column added in the same file is reported with its own wording (it holds no data to overwrite, but it still locks and rewrites every row).',
    },
    check(ctx) {
        // WITH u AS (UPDATE t SET … RETURNING *) … rewrites every row of t just the same
        for (const { stmt: update, location } of modifyingStatements(ctx.statement.node, 'UpdateStmt')) {
            const relation = update.relation;
            // WHERE true, WHERE 1 = 1: a condition every row meets is no condition
            const always = constantTruth(update.whereClause) === true;
            if (!relation || (update.whereClause && !always) || ctx.schema.createdInCurrentFile(relation))
                continue;
            const columns = [...new Set((update.targetList ?? []).map((t) => nodeAs(t, 'ResTarget')?.name ?? ''))];
            // a column this file added holds no data yet: the UPDATE is a one-shot backfill, not an overwrite
            const backfill = columns.every((c) => ctx.schema.columnCreatedInCurrentFile(relation, c));
            const what = backfill ? `backfills ${columns.join(', ')} in every row of ${relationName(relation)} in one statement` : `overwrites ${columns.join(', ')} in every row of ${relationName(relation)}`;
            // in a CTE, point at the table the UPDATE names
            const how = always ? `with a WHERE that is always true (${predicateText(update.whereClause)})` : 'without WHERE';
            ctx.report({ message: `UPDATE ${how} ${what}.`, location: location === undefined ? undefined : relation.location });
        }
    },
};
