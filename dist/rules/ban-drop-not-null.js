import { nodeAs, relationName } from '../src/sql/ast.js';
import { columnIsNewInFile } from './lib/history.js';
import { commandRange } from './lib/command-range.js';
export const banDropNotNull = {
    meta: {
        id: 'ban-drop-not-null',
        category: 'breaking',
        defaultSeverity: 'error',
        summary: 'Dropping NOT NULL lets NULLs reach code that assumes the column always has a value.',
        why: 'Application code, ORMs and generated types rely on a NOT NULL column never being NULL. Once the constraint is gone, new writers can store NULLs that the currently deployed readers do not handle (null dereferences, wrong aggregates, failed deserialisation). It is also a one-way door: restoring NOT NULL later needs a full-table scan. Not reported: a column or table created earlier in the same file, a column made NOT NULL earlier in the same file, and a column the replayed history knows to be nullable already (the statement changes nothing).',
        safeAlternative: [
            'First deploy readers that handle NULL in this column, then drop the constraint in a later migration and say why:',
            '```sql',
            '-- release N: every reader of users.phone handles NULL',
            '-- pgwarden-ignore ban-drop-not-null: readers handle NULL since release N',
            'ALTER TABLE users ALTER COLUMN phone DROP NOT NULL;',
            '```',
        ].join('\n'),
        help: 'Make every reader handle NULL in this column first, then drop NOT NULL in a later release.',
        limits: 'The column\'s nullability is known only for tables of the replayed history: a column of a table created outside it (or via LIKE / CREATE TABLE AS) is assumed NOT NULL and reported. Not reported: a column the model knows to be nullable already (squawk reports it even then), a column made NOT NULL earlier in the same file, and columns or tables created in the same file.',
    },
    visits: ['AlterTableStmt'],
    check(ctx) {
        const alter = nodeAs(ctx.statement.node, 'AlterTableStmt');
        if (!alter?.relation)
            return;
        for (const c of alter.cmds ?? []) {
            const cmd = nodeAs(c, 'AlterTableCmd');
            if (cmd?.subtype !== 'AT_DropNotNull' || !cmd.name)
                continue;
            if (columnIsNewInFile(ctx, alter.relation, cmd.name))
                continue;
            // the model knows the column allows NULL already: the statement changes nothing
            const column = ctx.schema.column(alter.relation, cmd.name);
            if (column && !column.notNull)
                continue;
            // NOT NULL set earlier in this file: the code deployed before it never relied on it
            if (column?.notNullSince && ctx.schema.isNew(column.notNullSince))
                continue;
            ctx.report({
                message: `Dropping NOT NULL on ${relationName(alter.relation)}.${cmd.name} lets NULLs reach code that assumes a value.`,
                range: commandRange(ctx, ['alter'], cmd.name),
            });
        }
    },
};
