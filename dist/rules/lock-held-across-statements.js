import { nodeAs, walk } from '../src/sql/ast.js';
import { splitKey, tableKey } from '../src/analysis/schema.js';
import { pinsUniqueKey } from './lib/row-bound.js';
import { LockHistory } from '../src/analysis/held-locks.js';
import { lockTakenBy } from '../src/analysis/locks.js';
import { addedNotValidInThisTransaction, tableAlter } from './lib/locking.js';
const history = new LockHistory();
/** Per file and transaction, the locked relations a finding already named: one held lock, one finding. */
const reported = new WeakMap();
const display = (key) => (splitKey(key)[0] === 'public' ? splitKey(key)[1] : key);
/** How a held lock's relation is named: an index whose table the model does not know is not called a table. */
const lockedName = (h) => (h.claim.relationKind === 'index' ? `the table of index ${display(h.claim.relation)}` : display(h.claim.relation));
/** Tables a DML statement writes in bulk (INSERT … VALUES, or a WHERE that pins a unique key, is not bulk). */
function bulkWriteTarget(statement, schema) {
    const dml = nodeAs(statement.node, 'UpdateStmt') ?? nodeAs(statement.node, 'DeleteStmt');
    if (dml?.relation)
        return pinsUniqueKey(dml.whereClause, tableKey(dml.relation), schema) ? undefined : tableKey(dml.relation);
    const insert = nodeAs(statement.node, 'InsertStmt');
    const select = nodeAs(insert?.selectStmt, 'SelectStmt');
    if (insert?.relation && select && !select.valuesLists)
        return tableKey(insert.relation);
    return undefined;
}
/**
 * The existing tables a query reads in full (`SELECT count(*) FROM t`, CREATE TABLE AS, SELECT INTO), with
 * what reads them. A query without tables, pinned to a unique key, bounded by a constant LIMIT, or on the
 * system catalogs is quick; tables created earlier in the file are empty.
 */
function bulkRead(statement, schema) {
    const node = statement.node;
    const ctas = nodeAs(node, 'CreateTableAsStmt');
    const select = ctas ? nodeAs(ctas.query, 'SelectStmt') : nodeAs(node, 'SelectStmt');
    if (!select || ctas?.into?.skipData)
        return undefined;
    const what = ctas ? (ctas.objtype === 'OBJECT_MATVIEW' ? 'CREATE MATERIALIZED VIEW' : 'CREATE TABLE AS') : select.intoClause ? 'SELECT INTO' : 'SELECT';
    if (nodeAs(select.limitCount, 'A_Const'))
        return undefined;
    const ctes = new Set();
    const tables = [];
    walk(node, (kind, payload) => {
        if (kind === 'CommonTableExpr' && typeof payload.ctename === 'string')
            ctes.add(payload.ctename);
        if (kind !== 'RangeVar')
            return;
        const rel = payload;
        if (!rel.relname || (!rel.schemaname && ctes.has(rel.relname)))
            return;
        if (rel.schemaname === 'pg_catalog' || rel.schemaname === 'information_schema' || (!rel.schemaname && rel.relname.startsWith('pg_')))
            return;
        const key = tableKey({ schemaname: rel.schemaname, relname: rel.relname });
        if (!schema.relationCreatedInCurrentFile(key) && !tables.includes(key))
            tables.push(key);
    });
    // the INTO target of SELECT INTO is written, not read
    const into = select.intoClause?.rel ?? ctas?.into?.rel;
    const reads = tables.filter((t) => !into || t !== tableKey(into));
    if (reads.length === 0)
        return undefined;
    const from = (select.fromClause ?? []);
    const only = from.length === 1 ? nodeAs(from[0], 'RangeVar') : undefined;
    if (only && reads.length === 1 && pinsUniqueKey(select.whereClause, tableKey(only), schema))
        return undefined;
    return { tables: reads, what };
}
export const lockHeldAcrossStatements = {
    meta: {
        id: 'lock-held-across-statements',
        category: 'locking',
        defaultSeverity: 'warning',
        summary: 'A slow statement after an ACCESS EXCLUSIVE lock in the same transaction keeps that table blocked while it runs.',
        why: [
            'PostgreSQL releases locks only at the end of the transaction. Once a statement has taken ACCESS EXCLUSIVE on an existing',
            'table (ADD COLUMN, SET NOT NULL, RENAME…), nobody can read or write that table until the migration commits, so every',
            'later statement of the same transaction extends the outage. Fast catalog changes do not matter; slow ones do: index',
            'builds, constraint validation, table rewrites and scans, bulk writes, and long reads (`SELECT count(*) FROM big`, CREATE',
            'TABLE AS). pgwarden reports the first slow statement after the lock, naming the table and where its lock was taken; later',
            'slow statements of the same transaction are reported only for tables locked since. Whether statements share a transaction',
            'is decided by the tool that runs the file (a file run in autocommit holds nothing across statements). A backfill of the',
            'locked table itself is left to backfill-in-ddl-transaction, and a slow statement that takes ACCESS EXCLUSIVE on that same',
            'table itself (SET NOT NULL, a rewriting ALTER) is left to its own rule: the table would be blocked while it runs anyway; so',
            'is a VALIDATE CONSTRAINT of a constraint added NOT VALID earlier in the same transaction (constraint-missing-not-valid',
            'reports that).',
        ].join(' '),
        safeAlternative: [
            'Put the quick ACCESS EXCLUSIVE change in its own migration (with a lock_timeout) and the slow work in the next one:',
            '```sql',
            '-- 001: quick, under lock_timeout',
            "SET lock_timeout = '2s';",
            'ALTER TABLE widgets ADD COLUMN is_admin boolean NOT NULL DEFAULT false;',
            '-- 002: -- pgwarden:no-transaction',
            'CREATE INDEX CONCURRENTLY widgets_owner_idx ON widgets (owner);',
            '```',
        ].join('\n'),
        help: 'Commit the ACCESS EXCLUSIVE change first; run slow statements in a later migration or transaction.',
        limits: 'Slow statements are those the lock model knows to scan or rewrite, bulk writes, and reads of existing tables not bounded by a key or a LIMIT; how long a statement really takes on production data is not known. Statements share a transaction per the tool of the layout, so files run in autocommit are not reported. squawk has no equivalent rule.',
    },
    check(ctx) {
        const { parsed, statement, schema, transaction, pgVersion, report } = ctx;
        const held = history.observe({ parsed, statement, schema, transaction, pgVersion });
        // a dropped table's own lock is the drop's problem (ban-drop-table), not a lock left hanging
        const claims = lockTakenBy(statement, schema, pgVersion);
        // a table this statement locks ACCESS EXCLUSIVE itself is blocked while it runs anyway: the earlier
        // lock adds nothing there (and the statement's own rule reports it)
        const ownExclusive = new Set(claims.filter((c) => c.mode === 'AccessExclusiveLock' && c.relationKind !== 'index').map((c) => c.relation));
        // validating a constraint added NOT VALID in this transaction is constraint-missing-not-valid's finding
        const alter = tableAlter(statement);
        const key = alter && tableKey(alter.relation);
        if (key && alter.cmds.some((c) => c.subtype === 'AT_ValidateConstraint' && c.name && addedNotValidInThisTransaction(ctx, key, c.name)))
            ownExclusive.add(key);
        const named = reportedIn(parsed, transaction.id);
        const exclusive = held.filter((h) => h.claim.mode === 'AccessExclusiveLock' &&
            !h.onNewTable &&
            h.statement !== statement &&
            h.claim.reason !== 'DROP TABLE' &&
            !ownExclusive.has(h.claim.relation) &&
            !named.has(h.claim.relation));
        if (exclusive.length === 0)
            return;
        const slow = new Set();
        for (const claim of claims) {
            if ((claim.scan || claim.rewrite) && !schema.relationCreatedInCurrentFile(claim.relation))
                slow.add(claim.reason);
        }
        const written = bulkWriteTarget(statement, schema);
        if (written && !schema.relationCreatedInCurrentFile(written) && !exclusive.some((h) => h.claim.relation === written))
            slow.add('bulk write');
        const read = bulkRead(statement, schema);
        if (read)
            slow.add(`reading ${read.tables.map(display).join(', ')} (${read.what})`);
        if (slow.size === 0)
            return;
        // each table with the statement that locked it first: tables locked by different statements name their own
        const byTable = new Map();
        for (const h of exclusive) {
            if (!byTable.has(h.claim.relation))
                byTable.set(h.claim.relation, { name: lockedName(h), by: `${h.claim.reason} at line ${h.statement.range.start.line}` });
        }
        for (const table of byTable.keys())
            named.add(table);
        const takers = new Set([...byTable.values()].map((t) => t.by));
        const tables = takers.size === 1
            ? `${[...byTable.values()].map((t) => t.name).join(', ')} ${byTable.size > 1 ? 'stay' : 'stays'} ACCESS EXCLUSIVE locked (taken by ${[...takers][0]})`
            : `${[...byTable.values()].map((t) => `${t.name} (${t.by})`).join(', ')} stay ACCESS EXCLUSIVE locked`;
        report({ message: `${[...slow].join(', ')} runs while ${tables} until the transaction commits.` });
    },
};
function reportedIn(parsed, transaction) {
    let byTransaction = reported.get(parsed);
    if (!byTransaction)
        reported.set(parsed, (byTransaction = new Map()));
    let named = byTransaction.get(transaction);
    if (!named)
        byTransaction.set(transaction, (named = new Set()));
    return named;
}
