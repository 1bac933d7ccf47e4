import { squeezedContract } from './lib/expansions.js';
import { nodeAs, relationName } from '../src/sql/ast.js';
import { tableKey } from '../src/analysis/schema.js';
// code reads views and materialized views by name just as it reads tables
const RENAMED_KINDS = { OBJECT_TABLE: 'table', OBJECT_VIEW: 'view', OBJECT_MATVIEW: 'materialized view' };
export const renamingTable = {
    meta: {
        id: 'renaming-table',
        category: 'breaking',
        defaultSeverity: 'error',
        summary: 'Renaming a table, view or schema (or moving a table to another schema) breaks application code that still uses the old name.',
        why: 'Application instances running the previous release query the table by its old name and fail from the moment the rename commits until they are all replaced; the same holds for views and materialized views (ALTER VIEW … RENAME TO), for ALTER TABLE … SET SCHEMA (the qualified name changes) and for ALTER SCHEMA … RENAME TO, which changes the name of everything in the schema at once. A relation or schema created earlier in the same file is not reported, nor a rename followed in the same file by a view with the old name or by another table renamed to the old name (a table swap). When the same file also adds a column to or backfills the renamed table, the finding names that expand step (expand-contract-in-one-migration leaves the rename to this rule).',
        safeAlternative: [
            'Rename, and leave a view with the old name so that old code keeps working (a simple view is updatable), then drop the view once no deployed code uses the old name:',
            '```sql',
            'BEGIN;',
            'ALTER TABLE users RENAME TO customers;',
            'CREATE VIEW users AS SELECT * FROM customers;',
            'COMMIT;',
            '-- a later release, after code uses customers only:',
            'DROP VIEW users;',
            '```',
        ].join('\n'),
        help: 'Leave a compatibility view with the old name, or create a new table and migrate code to it first.',
        limits: 'Not reported: relations created earlier in the same file, a rename followed in the same file by a compatibility view under the old name, and a table swap (another table renamed to the old name in the same file); squawk reports each rename of a swap. A view in another schema, or created before the rename, does not count as compatibility.',
    },
    visits: ['RenameStmt', 'AlterObjectSchemaStmt'],
    check(ctx) {
        const { statement, schema, parsed, previous, report } = ctx;
        const rename = nodeAs(statement.node, 'RenameStmt');
        if (rename?.renameType === 'OBJECT_SCHEMA' && rename.subname) {
            const created = previous.some((s) => nodeAs(s.node, 'CreateSchemaStmt')?.schemaname === rename.subname);
            if (!created)
                report({ message: `Renaming schema ${rename.subname} to ${rename.newname ?? ''} breaks code that still uses names qualified with ${rename.subname}.` });
            return;
        }
        const move = nodeAs(statement.node, 'AlterObjectSchemaStmt');
        const moved = move ? RENAMED_KINDS[move.objectType ?? ''] : undefined;
        if (move?.relation && moved && !schema.relationCreatedInCurrentFile(move.relation)) {
            const oldKey = tableKey(move.relation);
            const view = parsed.statements.some((s) => {
                const v = nodeAs(s.node, 'ViewStmt')?.view;
                return s.start > statement.start && v !== undefined && tableKey(v) === oldKey;
            });
            if (!view)
                report({ message: `Moving ${moved} ${relationName(move.relation)} to schema ${move.newschema ?? ''} breaks code that still uses its old name.` });
            return;
        }
        const kind = rename ? RENAMED_KINDS[rename.renameType ?? ''] : undefined;
        if (!rename?.relation || !kind)
            return;
        if (schema.relationCreatedInCurrentFile(rename.relation))
            return;
        const oldKey = tableKey(rename.relation);
        // a view under the old name, or a table swapped in under it (users_new → users), created later in
        // the same file keeps old code working
        const compatibilityView = parsed.statements.some((s) => {
            if (s.start <= statement.start)
                return false;
            const view = nodeAs(s.node, 'ViewStmt');
            const swap = nodeAs(s.node, 'RenameStmt');
            if (view?.view)
                return tableKey(view.view) === oldKey;
            if (swap?.relation && swap.renameType === rename.renameType && swap.newname) {
                return tableKey({ ...swap.relation, relname: swap.newname }) === oldKey;
            }
            return false;
        });
        if (compatibilityView)
            return;
        const squeezed = kind === 'table' ? squeezedContract(ctx, rename.relation) : '';
        report({ message: `Renaming ${kind} ${relationName(rename.relation)} to ${rename.newname ?? ''} breaks code that still uses the old name${squeezed}.` });
    },
};
