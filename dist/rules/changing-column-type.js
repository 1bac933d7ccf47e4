import { nodeAs, relationName, typeNameToString } from '../src/sql/ast.js';
import { isBinaryCoercibleChange, parseTypeString, usingKeepsColumn } from '../src/analysis/coercion.js';
import { pgHas, pgSince } from '../src/analysis/pg-features.js';
/**
 * timestamp ↔ timestamptz keeping or raising the precision: since PostgreSQL 12 (pg-features: timestampToTimestamptzUtcWithoutRewrite) this skips the rewrite
 * when the session TimeZone is UTC (the stored values then mean the same instant).
 */
function timeZoneChange(oldType, newType) {
    const from = parseTypeString(oldType);
    const to = parseTypeString(newType);
    const pair = new Set([from.base, to.base]);
    if (from.array || to.array || pair.size !== 2 || !pair.has('timestamp') || !pair.has('timestamptz'))
        return false;
    return to.mods.length === 0 || (to.mods[0] ?? 6) >= (from.mods[0] ?? 6);
}
/** Whether an earlier SET in the file leaves TimeZone at UTC for this statement (SET LOCAL: same transaction). */
function sessionTimeZoneIsUtc(ctx) {
    let utc = false;
    ctx.previous.forEach((s, i) => {
        const set = nodeAs(s.node, 'VariableSetStmt');
        if (set?.kind === 'VAR_RESET_ALL')
            utc = false;
        if (set?.name !== 'timezone')
            return;
        const tx = ctx.transactions.states[i];
        if (set.is_local && (!tx?.inTransaction || !ctx.transaction.inTransaction || tx.id !== ctx.transaction.id))
            return;
        const value = nodeAs(set.args?.[0], 'A_Const')?.sval?.sval ?? '';
        utc = set.kind === 'VAR_SET_VALUE' && /^(etc\/)?(utc|uct|zulu|gmt)$/i.test(value);
    });
    return utc;
}
export const changingColumnType = {
    meta: {
        id: 'changing-column-type',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'Changing a column type that is not binary coercible rewrites the table and its indexes under ACCESS EXCLUSIVE.',
        why: [
            'ALTER COLUMN … TYPE holds ACCESS EXCLUSIVE on the table. When the old values cannot be reused as they are stored,',
            'PostgreSQL rewrites every row and rebuilds every index, so reads and writes wait for minutes on a large table.',
            'pgwarden knows the old type from the migration history and stays quiet for changes PostgreSQL makes without a rewrite:',
            'varchar(n) → text or a longer varchar, text → varchar without a length, numeric precision increases with the same scale,',
            'unconstrained numeric, longer bit varying, more timestamp precision, cidr → inet. timestamp ↔ timestamptz skips the rewrite',
            `only on PostgreSQL ${pgSince('timestampToTimestamptzUtcWithoutRewrite')}+ with the session TimeZone at UTC, so it is flagged unless the file sets TIME ZONE 'UTC' first. When the old type is unknown`,
            '(the table was created outside the migrations) the change is flagged and the message says so.',
        ].join(' '),
        safeAlternative: [
            'Add a new column with the new type, write both from the application, backfill in batches, switch reads, then drop the old column in a later release:',
            '```sql',
            'ALTER TABLE orders ADD COLUMN total_cents bigint;',
            '-- deploy code that writes both columns; then, in batches:',
            'UPDATE orders SET total_cents = total::bigint WHERE total_cents IS NULL AND id BETWEEN 1 AND 10000;',
            '-- deploy code that reads total_cents; in a later migration:',
            'ALTER TABLE orders DROP COLUMN total;',
            '```',
            `To lengthen a varchar, change it to a longer varchar or to text: no rewrite. On PostgreSQL ${pgSince('timestampToTimestamptzUtcWithoutRewrite')}+, timestamp → timestamptz needs no rewrite when the session time zone is UTC:`,
            '```sql',
            "SET LOCAL TIME ZONE 'UTC';",
            'ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamptz;',
            '```',
        ].join('\n'),
        help: 'Add a column of the new type, backfill in batches, switch the code, and drop the old column later.',
        limits: 'The old type is known only for columns of the replayed history; an unknown old type is reported and the message says so. Binary-coercible changes (varchar(n) → text or a longer varchar, more numeric precision or timestamp precision, cidr → inet…) are not reported (squawk reports every type change). timestamp ↔ timestamptz is reported unless the file sets the time zone to UTC first.',
        lockClaim: {
            setup: 'CREATE TABLE items (id bigint PRIMARY KEY, qty int); INSERT INTO items VALUES (1, 5);',
            statement: 'ALTER TABLE items ALTER COLUMN qty TYPE bigint',
            table: 'items',
            mode: 'AccessExclusiveLock',
            rewrite: true,
        },
    },
    visits: ['AlterTableStmt'],
    check(ctx) {
        const { statement, schema, report } = ctx;
        const alter = nodeAs(statement.node, 'AlterTableStmt');
        if (!alter?.relation || alter.objtype !== 'OBJECT_TABLE')
            return;
        if (schema.createdInCurrentFile(alter.relation))
            return;
        const table = relationName(alter.relation);
        for (const c of alter.cmds ?? []) {
            const cmd = nodeAs(c, 'AlterTableCmd');
            const def = nodeAs(cmd?.def, 'ColumnDef');
            if (cmd?.subtype !== 'AT_AlterColumnType' || !cmd.name || !def?.typeName)
                continue;
            const newType = typeNameToString(def.typeName);
            const using = def.raw_default;
            const trivialUsing = usingKeepsColumn(using, cmd.name, def.typeName);
            const column = schema.column(alter.relation, cmd.name);
            if (!column) {
                report({
                    message: `The old type of ${table}.${cmd.name} is unknown (not created by these migrations): changing it to ${newType} rewrites the table under ACCESS EXCLUSIVE unless the change is binary coercible.`,
                    location: def.typeName.location,
                });
                continue;
            }
            if (trivialUsing && isBinaryCoercibleChange(column.type, newType))
                continue;
            const zoneOnly = trivialUsing && pgHas('timestampToTimestamptzUtcWithoutRewrite', ctx.pgVersion) && timeZoneChange(column.type, newType);
            if (zoneOnly && sessionTimeZoneIsUtc(ctx))
                continue;
            const how = trivialUsing ? `${column.type} → ${newType}` : `${column.type} → ${newType} with a USING expression`;
            report({
                message: `Changing ${table}.${cmd.name} (${how}) rewrites the table and its indexes under ACCESS EXCLUSIVE${zoneOnly ? " unless the session time zone is UTC (SET LOCAL TIME ZONE 'UTC' first)" : ''}.`,
                location: def.typeName.location,
            });
        }
    },
};
