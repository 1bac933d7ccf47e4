import { nodeAs, optionIsOn, stringList } from '../sql/ast.js';
import { recordSearchPaths } from './search-path.js';
import { filePolicy } from './transaction-policy.js';
import { parsePlPgSQLSync } from 'libpg-query';
import { DEFAULT_PG_MAJOR, pgHas, pgSince } from './pg-features.js';
/** A statement PostgreSQL refuses inside a transaction block, with a human name; undefined if none. */
export function cannotRunInTransaction(statement, pgVersion = DEFAULT_PG_MAJOR) {
    const node = statement.node;
    const index = nodeAs(node, 'IndexStmt');
    if (index?.concurrent)
        return 'CREATE INDEX CONCURRENTLY';
    const drop = nodeAs(node, 'DropStmt');
    if (drop?.concurrent)
        return 'DROP INDEX CONCURRENTLY';
    const reindex = nodeAs(node, 'ReindexStmt');
    if (reindex && optionIsOn(reindex.params, 'concurrently')) {
        return 'REINDEX CONCURRENTLY';
    }
    if (reindex && (reindex.kind === 'REINDEX_OBJECT_SYSTEM' || reindex.kind === 'REINDEX_OBJECT_DATABASE')) {
        return 'REINDEX SYSTEM/DATABASE';
    }
    if (nodeAs(node, 'AlterSystemStmt'))
        return 'ALTER SYSTEM';
    if (nodeAs(node, 'DoStmt') && doBlockEndsTransactions(statement))
        return 'a DO block that runs COMMIT or ROLLBACK';
    const vacuum = nodeAs(node, 'VacuumStmt');
    if (vacuum?.is_vacuumcmd)
        return 'VACUUM';
    if (nodeAs(node, 'CreatedbStmt'))
        return 'CREATE DATABASE';
    if (nodeAs(node, 'DropdbStmt'))
        return 'DROP DATABASE';
    if (nodeAs(node, 'CreateTableSpaceStmt'))
        return 'CREATE TABLESPACE';
    if (nodeAs(node, 'DropTableSpaceStmt'))
        return 'DROP TABLESPACE';
    const alter = nodeAs(node, 'AlterTableStmt');
    if (alter) {
        for (const c of alter.cmds ?? []) {
            const cmd = nodeAs(c, 'AlterTableCmd');
            const part = nodeAs(cmd?.def, 'PartitionCmd');
            if (cmd?.subtype === 'AT_DetachPartition' && part?.concurrent)
                return 'DETACH PARTITION CONCURRENTLY';
        }
    }
    if (!pgHas('enumAddValueInTransaction', pgVersion) && nodeAs(node, 'AlterEnumStmt') && !nodeAs(node, 'AlterEnumStmt')?.oldVal) {
        return `ALTER TYPE … ADD VALUE (before PostgreSQL ${pgSince('enumAddValueInTransaction')})`;
    }
    const sub = nodeAs(node, 'CreateSubscriptionStmt');
    if (sub && !(sub.options ?? []).some((o) => isFalseOption(o, 'create_slot') || isFalseOption(o, 'connect'))) {
        return 'CREATE SUBSCRIPTION';
    }
    if (nodeAs(node, 'DropSubscriptionStmt'))
        return 'DROP SUBSCRIPTION';
    const kind = nodeAs(node, 'TransactionStmt')?.kind;
    if (kind === 'TRANS_STMT_COMMIT_PREPARED' || kind === 'TRANS_STMT_ROLLBACK_PREPARED')
        return 'COMMIT/ROLLBACK PREPARED';
    return undefined;
}
const commitsCache = new WeakMap();
/**
 * True when a PL/pgSQL DO block runs COMMIT or ROLLBACK (batched backfills do): PostgreSQL then refuses
 * it inside a transaction block ("invalid transaction termination"), so the file must run without one.
 */
function doBlockEndsTransactions(statement) {
    const cached = commitsCache.get(statement);
    if (cached !== undefined)
        return cached;
    let found = false;
    try {
        const tree = JSON.stringify(parsePlPgSQLSync(statement.text));
        found = tree.includes('"PLpgSQL_stmt_commit"') || tree.includes('"PLpgSQL_stmt_rollback"');
    }
    catch {
        // another language, or a body PostgreSQL rejects: nothing to say
    }
    commitsCache.set(statement, found);
    return found;
}
function isFalseOption(o, name) {
    const def = nodeAs(o, 'DefElem');
    if (!def || def.defname !== name)
        return false;
    const arg = def.arg;
    const s = nodeAs(arg, 'String')?.sval ?? nodeAs(arg, 'Boolean')?.boolval;
    return s === 'false' || s === false || s === 'off';
}
/**
 * BEGIN/START TRANSACTION, COMMIT/END, ROLLBACK… as a small enum. `chain` is COMMIT/ROLLBACK AND CHAIN:
 * it ends the transaction and at once opens the next one. COMMIT/ROLLBACK PREPARED act on another,
 * prepared transaction (and cannot run in a block), so they leave the session's block as it is.
 */
export function transactionControl(statement) {
    const t = nodeAs(statement.node, 'TransactionStmt');
    if (!t)
        return undefined;
    switch (t.kind) {
        case 'TRANS_STMT_BEGIN':
        case 'TRANS_STMT_START':
            return 'begin';
        case 'TRANS_STMT_COMMIT':
            return t.chain ? 'chain' : 'commit';
        case 'TRANS_STMT_PREPARE':
            return 'commit';
        case 'TRANS_STMT_ROLLBACK':
            return t.chain ? 'chain' : 'rollback';
        case 'TRANS_STMT_COMMIT_PREPARED':
        case 'TRANS_STMT_ROLLBACK_PREPARED':
            return 'prepared';
        default:
            return 'savepoint';
    }
}
/**
 * Decides how a file runs and which statements share a transaction. Both the lint engine and the runner's
 * analysis call it once per file before anything reads the statements, so it also notes the session
 * state names depend on: the `SET search_path` in force at each statement (see search-path.ts).
 */
export function analyzeTransactions(statements, directives, assumption = 'per-file', pgVersion = DEFAULT_PG_MAJOR, runner, searchPath) {
    recordSearchPaths(statements, searchPath);
    const topLevel = statements.filter((s) => !s.parent);
    const refused = topLevel.map((s) => cannotRunInTransaction(s, pgVersion)).find((r) => r !== undefined);
    const policy = filePolicy(assumption, runner, directives, topLevel, refused, pgVersion);
    // one statement sent as one query is not a transaction block: PostgreSQL runs even CONCURRENTLY there
    const kind = policy.kind === 'query' && topLevel.length <= 1 ? 'autocommit' : policy.kind;
    const controls = topLevel.map((s) => transactionControl(s)).filter((c) => c !== undefined && c !== 'prepared');
    let mode = kind === 'autocommit' ? 'none' : 'runner';
    let reason = policy.reason;
    if (controls.length > 0) {
        mode = 'explicit';
        reason = kind === 'query' ? `manages its own BEGIN/COMMIT, and ${policy.reason.replace(/, which .*$/, '')}: what stands outside its blocks runs in implicit transactions` : 'manages its own BEGIN/COMMIT';
    }
    const states = [];
    let id = 0;
    // pgwarden's runner runs a file with its own BEGIN/COMMIT as written; a wrapping tool has its
    // transaction open until the file's first COMMIT; one query is an implicit block throughout
    let open = mode === 'runner' || (mode === 'explicit' && (kind === 'wrap' || kind === 'query'));
    for (const s of statements) {
        if (s.parent) {
            // a DO block runs as one statement: its body shares the block's transaction
            states.push({ ...(states[statements.indexOf(s.parent)] ?? { inTransaction: open, id }) });
            continue;
        }
        if (mode === 'explicit') {
            const control = transactionControl(s);
            if (control === 'begin') {
                id++;
                open = true;
                states.push({ inTransaction: true, id });
                continue;
            }
            if (control === 'commit' || control === 'rollback' || control === 'chain') {
                states.push({ inTransaction: open, id });
                id++;
                // AND CHAIN outside a block is an error PostgreSQL reports; inside one the next block is open.
                // In one multi-statement query, what follows a COMMIT begins the next implicit transaction.
                open = (control === 'chain' && open) || kind === 'query';
                continue;
            }
        }
        if (mode === 'none' || (mode === 'explicit' && !open))
            id++;
        states.push({ inTransaction: open, id });
    }
    return { mode, reason, escape: policy.escape, tool: policy.tool, policy: kind, states };
}
/** `SET lock_timeout = …` and friends: the setting name a SET statement changes, if any. */
export function settingChanged(statement) {
    const set = nodeAs(statement.node, 'VariableSetStmt');
    if (!set?.name)
        return undefined;
    const value = (set.args ?? [])
        .map((a) => {
        const c = nodeAs(a, 'A_Const');
        if (c?.sval)
            return c.sval.sval ?? '';
        if (c?.ival)
            return String(c.ival.ival ?? 0);
        return stringList([a]).join('');
    })
        .join(',');
    return { name: set.name, value };
}
