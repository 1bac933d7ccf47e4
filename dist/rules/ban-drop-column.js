import { nodeAs, relationName } from '../src/sql/ast.js';
import { columnIsNewInFile } from './lib/history.js';
import { commandRange } from './lib/command-range.js';
import { squeezedContract } from './lib/expansions.js';
export const banDropColumn = {
    meta: {
        id: 'ban-drop-column',
        category: 'destructive',
        defaultSeverity: 'error',
        summary: 'Dropping a column deletes its data and breaks code that still reads or writes it.',
        why: 'ALTER TABLE … DROP COLUMN removes the column\'s data for good. Application instances deployed before the migration still name the column in SELECT and INSERT statements (ORMs list every column they know) and fail until they are replaced. A column or table created earlier in the same file is not reported: nothing deployed uses it yet. When the same file also adds a column to or backfills that table (expand and contract in one step), this finding says so: expand-contract-in-one-migration leaves the DROP COLUMN to this rule, so one hazard gives one finding.',
        safeAlternative: [
            'Contract in two deploys. First stop reading and writing the column in application code (for ORMs, mark it ignored) and deploy that. Then drop it in a later migration, after a backup:',
            '```sql',
            '-- release N: code no longer uses users.legacy_flag',
            '-- release N+1:',
            '-- pgwarden-ignore ban-drop-column: unused since release N, backed up',
            'ALTER TABLE users DROP COLUMN legacy_flag;',
            '```',
        ].join('\n'),
        help: 'Remove the column from application code first, then drop it in a later release; suppress with a reason.',
        limits: 'Whether deployed code still uses the column is not known: the finding assumes it does. Not reported: columns added, or tables created, earlier in the same file (or in an earlier part of the same migration), and dbmate/goose down sections (squawk reports those). A DROP COLUMN inside an EXECUTE of a string built at run time is not seen (dynamic-sql-in-do-block names it).',
    },
    visits: ['AlterTableStmt'],
    check(ctx) {
        const alter = nodeAs(ctx.statement.node, 'AlterTableStmt');
        if (!alter?.relation || (alter.objtype !== undefined && alter.objtype !== 'OBJECT_TABLE'))
            return;
        for (const c of alter.cmds ?? []) {
            const cmd = nodeAs(c, 'AlterTableCmd');
            if (cmd?.subtype !== 'AT_DropColumn' || !cmd.name)
                continue;
            if (columnIsNewInFile(ctx, alter.relation, cmd.name))
                continue;
            const squeezed = squeezedContract(ctx, alter.relation);
            ctx.report({
                message: `Dropping column ${relationName(alter.relation)}.${cmd.name} deletes its data and breaks code that still uses it${squeezed}.`,
                range: commandRange(ctx, ['drop'], cmd.name),
                help: squeezed ? `Expand (the new column and its backfill) in this release, migrate the code to it, then drop ${cmd.name} in a later migration.` : undefined,
            });
        }
    },
};
