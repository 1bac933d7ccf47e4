import { nodeAs, walk } from '../sql/ast.js';
import { scanTokens } from '../sql/tokens.js';
import { qualified, quoteIdent, quoteLiteral, relationSql, tableKeyOf } from './names.js';
import { resolveTable } from './column-images.js';
/**
 * The rows a simple UPDATE or DELETE of `table` will change, as a query of its own: the rows of its
 * target that its WHERE matches, read in the statement's snapshot before it runs. A before-image of
 * those rows instead of the whole table is all a restore needs — provided nothing else can change other
 * rows of the table: no trigger or rule on it (or its partitions), no foreign key from it to itself, no
 * volatile function in the WHERE (a second reading could match other rows), no FROM, USING or WITH (their
 * rows would need a reading of their own), no `WHERE CURRENT OF`. Null: copy the whole table.
 */
export async function rowsStatementChanges(client, statement, table) {
    const update = nodeAs(statement.node, 'UpdateStmt');
    const del = nodeAs(statement.node, 'DeleteStmt');
    const stmt = update ?? del;
    if (!stmt?.whereClause || stmt.withClause)
        return null;
    if ((update?.fromClause ?? []).length > 0 || (del?.usingClause ?? []).length > 0)
        return null;
    const relation = stmt.relation;
    if (!relation?.relname)
        return null;
    const target = await resolveTable(client, relationSql({ schemaname: relation.schemaname, relname: relation.relname }));
    if (!target || tableKeyOf(target) !== tableKeyOf(table))
        return null;
    const functions = [];
    let unsupported = false;
    walk(stmt.whereClause, (kind, payload) => {
        if (kind === 'CurrentOfExpr')
            unsupported = true;
        if (kind === 'FuncCall') {
            const parts = (payload.funcname ?? []).map((p) => p.String?.sval).filter((s) => !!s);
            if (parts.length > 0)
                functions.push(parts[parts.length - 1]);
        }
    });
    if (unsupported)
        return null;
    const where = whereText(statement.text);
    if (where === null)
        return null;
    // the table and, when it is partitioned, its partitions (pg_partition_tree lists nothing for a plain table)
    const tree = `SELECT ${quoteLiteral(qualified(table))}::regclass UNION SELECT relid FROM pg_partition_tree(${quoteLiteral(qualified(table))}::regclass)`;
    const guard = await client.query(`SELECT EXISTS (SELECT 1 FROM pg_trigger WHERE tgrelid IN (${tree}) AND NOT tgisinternal)
         OR EXISTS (SELECT 1 FROM pg_rewrite WHERE ev_class IN (${tree}) AND rulename <> '_RETURN')
         OR EXISTS (SELECT 1 FROM pg_constraint WHERE contype = 'f' AND conrelid IN (${tree}) AND confrelid IN (${tree}))
         OR EXISTS (SELECT 1 FROM pg_proc WHERE proname = ANY($1::text[]) AND provolatile = 'v') AS blocked`, [functions]);
    if (guard.rows[0].blocked)
        return null;
    const alias = quoteIdent(relation.alias?.aliasname ?? relation.relname);
    return `SELECT ${alias}.* FROM ${relation.inh === false ? 'ONLY ' : ''}${qualified(table)} AS ${alias} WHERE ${where}`;
}
/** The text of a statement's top-level WHERE condition (up to a top-level RETURNING); null when the lexer cannot tell. */
export function whereText(text) {
    const tokens = scanTokens(text);
    if (!tokens)
        return null;
    const bytes = Buffer.from(text, 'utf8');
    let depth = 0;
    let from;
    let to = bytes.length;
    for (const t of tokens) {
        if (t.text === '(' || t.text === '[')
            depth++;
        else if (t.text === ')' || t.text === ']')
            depth--;
        else if (depth === 0 && from === undefined && t.text.toUpperCase() === 'WHERE')
            from = t.end;
        else if (depth === 0 && from !== undefined && t.text.toUpperCase() === 'RETURNING') {
            to = t.start;
            break;
        }
        else if (depth === 0 && t.text === ';') {
            to = t.start;
            break;
        }
    }
    if (from === undefined)
        return null;
    const condition = bytes.subarray(from, to).toString('utf8').trim();
    return condition.length > 0 ? condition : null;
}
