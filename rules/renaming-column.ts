import type { Rule } from '../src/lint/types.js';
import { nodeAs, relationName } from '../src/sql/ast.js';
import { columnIsNewInFile } from './lib/history.js';

export const renamingColumn: Rule = {
  meta: {
    id: 'renaming-column',
    category: 'breaking',
    defaultSeverity: 'error',
    summary: 'Renaming a column breaks application code that still uses the old name.',
    why: 'A migration runs before (or while) the new application version is deployed. Every instance still running the old code queries the column by its old name and fails from the moment the rename commits until it is replaced. A column or table created earlier in the same file is not reported.',
    safeAlternative: [
      'Expand and contract across deploys instead of renaming in place:',
      '```sql',
      '-- 1. expand: add the new column and keep both in sync',
      'ALTER TABLE users ADD COLUMN email_address text;',
      '-- (trigger or application dual-writes; backfill in batches)',
      'UPDATE users SET email_address = email WHERE id BETWEEN 1 AND 10000;',
      '-- 2. deploy code that reads and writes email_address only',
      '-- 3. contract, in a later migration:',
      'ALTER TABLE users DROP COLUMN email;',
      '```',
    ].join('\n'),
    help: 'Add a new column, migrate code to it, and drop the old column in a later release.',
  },
  check(ctx) {
    const rename = nodeAs(ctx.statement.node, 'RenameStmt');
    if (rename?.renameType !== 'OBJECT_COLUMN' || !rename.relation || !rename.subname) return;
    if (columnIsNewInFile(ctx, rename.relation, rename.subname)) return;
    ctx.report({
      message: `Renaming column ${relationName(rename.relation)}.${rename.subname} to ${rename.newname ?? ''} breaks code that still uses the old name.`,
    });
  },
};
