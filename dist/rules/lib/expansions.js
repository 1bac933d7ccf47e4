import { nodeAs, relationName } from '../../src/sql/ast.js';
import { tableKey } from '../../src/analysis/schema.js';
import { pinsUniqueKey } from './row-bound.js';
const facts = new WeakMap();
/** The expand steps and views of a file, read once per file. */
export function fileFacts(parsed) {
    let known = facts.get(parsed);
    if (known)
        return known;
    known = { expansions: [], views: new Set() };
    for (const statement of parsed.statements) {
        const alter = nodeAs(statement.node, 'AlterTableStmt');
        if (alter?.relation) {
            for (const c of alter.cmds ?? []) {
                const cmd = nodeAs(c, 'AlterTableCmd');
                const column = nodeAs(cmd?.def, 'ColumnDef');
                if (cmd?.subtype === 'AT_AddColumn' && column?.colname) {
                    known.expansions.push({ table: tableKey(alter.relation), column: column.colname, what: `adds column ${column.colname} to ${relationName(alter.relation)}`, statement });
                }
            }
        }
        const update = nodeAs(statement.node, 'UpdateStmt');
        if (update?.relation) {
            known.expansions.push({ table: tableKey(update.relation), what: `backfills ${relationName(update.relation)} (UPDATE)`, statement, where: update.whereClause });
        }
        const view = nodeAs(statement.node, 'ViewStmt');
        if (view?.view)
            known.views.add(tableKey(view.view));
    }
    facts.set(parsed, known);
    return known;
}
/**
 * The first expand step of the current file on `relation` (an UPDATE pinned to a few rows by their key
 * is a data fix, not a backfill of a replacement), phrased for a message: `adds column full_name to
 * accounts at line 2`, or `… in the same statement`. Undefined when the file does not expand the table.
 */
export function expandStep(ctx, relation) {
    const key = tableKey(relation);
    const expansion = fileFacts(ctx.parsed).expansions.find((e) => e.table === key && !(e.where && pinsUniqueKey(e.where, key, ctx.schema)));
    if (!expansion)
        return undefined;
    return `${expansion.what}${expansion.statement === ctx.statement ? ' in the same statement' : ` at line ${expansion.statement.range.start.line}`}`;
}
/**
 * The message tail a contract step (DROP COLUMN, a rename) carries when the same file also expands its
 * table: one finding then names both halves of the squeezed expand/contract.
 */
export function squeezedContract(ctx, relation) {
    if (ctx.schema.createdInCurrentFile(relation))
        return '';
    const step = expandStep(ctx, relation);
    return step ? `; this migration also ${step}, so expand and contract happen in one step` : '';
}
