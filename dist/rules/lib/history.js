import { nodeAs } from '../../src/sql/ast.js';
import { tableKey } from '../../src/analysis/schema.js';
/**
 * True when the column (or its whole table) was created earlier in the same file: nothing deployed
 * reads it yet, so removing or changing it breaks no running code. Looks at the schema model and, for
 * ADD COLUMN, at the file's earlier statements.
 */
export function columnIsNewInFile(ctx, relation, column) {
    if (ctx.schema.createdInCurrentFile(relation))
        return true;
    const modelled = ctx.schema.table(relation)?.columns.get(column);
    if (modelled && ctx.schema.isNew(modelled.origin))
        return true;
    const key = tableKey(relation);
    return ctx.previous.some((s) => {
        const alter = nodeAs(s.node, 'AlterTableStmt');
        if (!alter?.relation || tableKey(alter.relation) !== key)
            return false;
        return (alter.cmds ?? []).some((c) => {
            const cmd = nodeAs(c, 'AlterTableCmd');
            return cmd?.subtype === 'AT_AddColumn' && nodeAs(cmd.def, 'ColumnDef')?.colname === column;
        });
    });
}
