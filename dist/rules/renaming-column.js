import { squeezedContract } from './lib/expansions.js';
import { nodeAs, relationName, stringList } from '../src/sql/ast.js';
import { columnIsNewInFile } from './lib/history.js';
import { tableKey } from '../src/analysis/schema.js';
/**
 * True when the table was renamed earlier in this file, so deployed code reaches it only by its old name:
 * through no view at all (renaming-table's finding), or through a view that keeps the column's old name,
 * one created before this rename (a view's columns keep their names) or one that names the column back
 * (`name AS display_name`, or a column list).
 */
function oldNameKeptByView(parsed, statement, relation, column) {
    const key = tableKey(relation);
    const renamed = parsed.statements.find((s) => {
        const r = nodeAs(s.node, 'RenameStmt');
        return s.start < statement.start && r?.renameType === 'OBJECT_TABLE' && r.relation && r.newname && tableKey({ ...r.relation, relname: r.newname }) === key;
    });
    const from = renamed && nodeAs(renamed.node, 'RenameStmt')?.relation;
    if (!renamed || !from)
        return false;
    const views = parsed.statements.filter((s) => {
        const view = nodeAs(s.node, 'ViewStmt')?.view;
        return view !== undefined && s.start > renamed.start && tableKey(view) === tableKey(from);
    });
    // no view at all: deployed code cannot reach the table, which renaming-table reports once
    if (views.length === 0)
        return true;
    return views.some((s) => {
        const view = nodeAs(s.node, 'ViewStmt');
        if (s.start < statement.start)
            return true;
        const names = [...stringList(view.aliases), ...(nodeAs(view.query, 'SelectStmt')?.targetList ?? []).map((t) => nodeAs(t, 'ResTarget')?.name)];
        return names.includes(column);
    });
}
export const renamingColumn = {
    meta: {
        id: 'renaming-column',
        category: 'breaking',
        defaultSeverity: 'error',
        summary: 'Renaming a column breaks application code that still uses the old name.',
        why: 'A migration runs before (or while) the new application version is deployed. Every instance still running the old code queries the column by its old name and fails from the moment the rename commits until it is replaced. A column or table created earlier in the same file is not reported, nor a column of a table renamed earlier in the file: deployed code reaches that table only by its old name, so the table rename is what breaks it (renaming-table) unless a compatibility view shows the column under its old name (created before the column rename, or naming it back with AS); a view that shows the new name is reported here. When the same file also adds a column to or backfills the table, the finding names that expand step (expand-contract-in-one-migration leaves the rename to this rule).',
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
        limits: 'Whether deployed code still uses the old name is not known: the finding assumes it does. Not reported: columns or tables created earlier in the same file, a column of a table renamed earlier in the file (renaming-table owns that), and a rename kept working by a compatibility view that shows the old name (squawk reports those renames too). Renames inside dynamic SQL are not seen.',
    },
    visits: ['RenameStmt'],
    check(ctx) {
        const rename = nodeAs(ctx.statement.node, 'RenameStmt');
        if (rename?.renameType !== 'OBJECT_COLUMN' || !rename.relation || !rename.subname)
            return;
        if (columnIsNewInFile(ctx, rename.relation, rename.subname))
            return;
        if (oldNameKeptByView(ctx.parsed, ctx.statement, rename.relation, rename.subname))
            return;
        ctx.report({
            message: `Renaming column ${relationName(rename.relation)}.${rename.subname} to ${rename.newname ?? ''} breaks code that still uses the old name${squeezedContract(ctx, rename.relation)}.`,
        });
    },
};
