import type { Rule } from '../src/lint/types.js';
import { relationName } from '../src/sql/ast.js';
import { modifyingStatements } from './lib/modifying-statements.js';

export const banDeleteWithoutWhere: Rule = {
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
      'If emptying the table is really intended, write `WHERE true` to make the intent explicit and review it.',
    ].join('\n'),
    help: 'Add a WHERE clause naming the rows to delete (WHERE true if every row is really meant).',
  },
  check({ statement, schema, report }) {
    // WITH d AS (DELETE FROM t RETURNING *) … empties t just the same
    for (const { stmt: del, location } of modifyingStatements(statement.node, 'DeleteStmt')) {
      if (!del.relation || del.whereClause || schema.createdInCurrentFile(del.relation)) continue;
      // in a CTE, point at the table the DELETE names
      report({ message: `DELETE without WHERE removes every row of ${relationName(del.relation)}.`, location: location === undefined ? undefined : del.relation.location });
    }
  },
};
