import { nodeAs, relationName, walk } from '../src/sql/ast.js';
import { tableKey } from '../src/analysis/schema.js';
import { pinsUniqueKey } from './lib/row-bound.js';
import { LockHistory } from '../src/analysis/held-locks.js';
import { blocksWrites, lockModeName } from '../src/analysis/locks.js';
const history = new LockHistory();
/**
 * The table a backfill writes: UPDATE, DELETE, or INSERT … SELECT … FROM. Not a backfill: INSERT … VALUES
 * or a SELECT of constants (a few rows), an UPDATE or DELETE whose WHERE pins a unique key (a data fix).
 */
function backfillTarget(statement, schema) {
    const update = nodeAs(statement.node, 'UpdateStmt');
    if (update?.relation) {
        const table = tableKey(update.relation);
        return pinsUniqueKey(update.whereClause, table, schema) ? undefined : { table, verb: 'UPDATE' };
    }
    const del = nodeAs(statement.node, 'DeleteStmt');
    if (del?.relation) {
        const table = tableKey(del.relation);
        return pinsUniqueKey(del.whereClause, table, schema) ? undefined : { table, verb: 'DELETE' };
    }
    const insert = nodeAs(statement.node, 'InsertStmt');
    const select = nodeAs(insert?.selectStmt, 'SelectStmt');
    if (insert?.relation && select && !select.valuesLists && readsTables(select))
        return { table: tableKey(insert.relation), verb: 'INSERT … SELECT' };
    return undefined;
}
/** A SELECT that reads some relation (a FROM with a table, or a UNION of such), not only constants. */
function readsTables(select) {
    if (select.larg || select.rarg)
        return (select.larg !== undefined && readsTables(select.larg)) || (select.rarg !== undefined && readsTables(select.rarg));
    let found = false;
    walk(select.fromClause ?? [], (kind) => {
        if (kind === 'RangeVar' || kind === 'RangeFunction')
            found = true;
    });
    return found;
}
export const backfillInDdlTransaction = {
    meta: {
        id: 'backfill-in-ddl-transaction',
        category: 'locking',
        defaultSeverity: 'error',
        summary: 'A backfill in the same transaction as DDL on its table keeps the DDL’s lock for the whole backfill.',
        why: [
            'Locks are held until the transaction ends. When a migration alters a table (ACCESS EXCLUSIVE for ADD COLUMN, SHARE for',
            'CREATE INDEX…) and then runs UPDATE, DELETE or INSERT … SELECT over that table in the same transaction, the lock that was',
            'meant to last milliseconds lasts as long as the backfill: every other session’s writes (and, under ACCESS EXCLUSIVE, reads)',
            'of the table wait for it. pgwarden reports the backfill when an earlier statement of the same transaction took a lock on',
            'the same existing table that blocks writes (SHARE or stronger); tables created in the same file are empty and skipped.',
        ].join(' '),
        safeAlternative: [
            'Commit the DDL first, then backfill in batches, each in its own short transaction (a separate migration, or a migration',
            'marked `-- pgwarden:no-transaction`):',
            '```sql',
            '-- 001_add_full_name.sql',
            'ALTER TABLE accounts ADD COLUMN full_name text;',
            '```',
            '```sql',
            '-- 002_backfill_full_name.sql',
            '-- pgwarden:no-transaction',
            'UPDATE accounts SET full_name = display_name WHERE full_name IS NULL AND id BETWEEN 1 AND 10000;',
            '```',
        ].join('\n'),
        help: 'Commit the DDL first; backfill afterwards in batches, each in its own transaction.',
        limits: 'Tables created earlier in the same file are empty and skipped. Whether the backfill touches many rows is judged from its WHERE clause (a unique key pinned to constants is a data fix), not from the table\'s size. Statements share a transaction per the tool of the layout.',
    },
    check({ parsed, statement, schema, transaction, pgVersion, report }) {
        const held = history.observe({ parsed, statement, schema, transaction, pgVersion });
        const target = backfillTarget(statement, schema);
        if (!target || schema.relationCreatedInCurrentFile(target.table))
            return;
        const lock = held.find((h) => h.claim.relation === target.table && !h.onNewTable && blocksWrites(h.claim.mode) && h.statement !== statement);
        if (!lock)
            return;
        const where = lock.statement.range.start.line;
        const name = relationName(nodeAs(statement.node, 'UpdateStmt')?.relation ?? nodeAs(statement.node, 'DeleteStmt')?.relation ?? nodeAs(statement.node, 'InsertStmt')?.relation);
        report({
            message: `${target.verb} on ${name} runs in the transaction that locked it ${lockModeName(lock.claim.mode)} (${lock.claim.reason}, line ${where}): the lock is held until the backfill commits.`,
        });
    },
};
