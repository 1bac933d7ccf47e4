import type { Rule } from '../src/lint/types.js';
import { nodeAs, relationName } from '../src/sql/ast.js';

export const banTruncateCascade: Rule = {
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
  },
  check({ statement, report }) {
    const truncate = nodeAs(statement.node, 'TruncateStmt');
    if (truncate?.behavior !== 'DROP_CASCADE') return;
    const names = (truncate.relations ?? []).map((r) => relationName(nodeAs(r, 'RangeVar'))).join(', ');
    report({ message: `TRUNCATE ${names} CASCADE also empties every table that references ${names.includes(',') ? 'them' : 'it'}, recursively.` });
  },
};
