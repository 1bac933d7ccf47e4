import type { Rule } from '../src/lint/types.js';
import { nodeAs, relationName } from '../src/sql/ast.js';

export const banDuplicateColumnAssignments: Rule = {
  meta: {
    id: 'ban-duplicate-column-assignments',
    category: 'robustness',
    defaultSeverity: 'error',
    summary: 'An UPDATE that sets the same column twice fails when the migration runs.',
    why: 'PostgreSQL rejects `UPDATE t SET a = 1, a = 2` with "multiple assignments to same column", so the migration fails on every environment, typically after earlier statements of a non-transactional migration already ran. The duplicate is almost always an editing mistake (a copied line whose column was not renamed), so the intended assignment is missing too. Assigning fields of a composite column or elements of an array several times (`SET c.x = 1, c.y = 2`, `SET a[1] = 1, a[2] = 2`) is allowed and not reported; a whole-column assignment next to any other assignment of that column is.',
    safeAlternative: [
      'Assign each column once:',
      '```sql',
      "UPDATE users SET first_name = split_part(name, ' ', 1), last_name = split_part(name, ' ', 2) WHERE last_name IS NULL;",
      '```',
    ].join('\n'),
    help: 'Assign each column once; check which column the duplicate was meant to set.',
  },
  check({ statement, report }) {
    const update = nodeAs(statement.node, 'UpdateStmt');
    const insertConflict = nodeAs(statement.node, 'InsertStmt')?.onConflictClause;
    const targets = update?.targetList ?? insertConflict?.targetList;
    if (!targets) return;
    const table = relationName(update?.relation ?? nodeAs(statement.node, 'InsertStmt')?.relation);
    // column → whether every assignment so far sets only a field or element of it (c.x, a[1])
    const seen = new Map<string, boolean>();
    const reported = new Set<string>();
    for (const t of targets) {
      const target = nodeAs(t, 'ResTarget');
      if (!target?.name) continue;
      const key = target.name;
      const partial = (target.indirection ?? []).length > 0;
      // PostgreSQL merges several field or element assignments of one column; only a whole-column one clashes
      if (seen.has(key) && !(partial && seen.get(key)) && !reported.has(key)) {
        reported.add(key);
        report({ message: `Column ${key} of ${table} is assigned more than once; PostgreSQL rejects this UPDATE.`, location: target.location });
      }
      seen.set(key, (seen.get(key) ?? true) && partial);
    }
  },
};
