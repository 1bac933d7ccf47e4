import { nodeAs } from '../../src/sql/ast.js';
/**
 * What a statement does to the session's transaction block: `begin` opens one, `end` closes it
 * (COMMIT, ROLLBACK, PREPARE TRANSACTION), `chain` closes it and opens the next (… AND CHAIN).
 * COMMIT/ROLLBACK PREPARED act on another, prepared transaction: not on the session's block.
 */
export function blockEffect(statement) {
    const t = nodeAs(statement.node, 'TransactionStmt');
    switch (t?.kind) {
        case 'TRANS_STMT_BEGIN':
        case 'TRANS_STMT_START':
            return 'begin';
        case 'TRANS_STMT_COMMIT':
        case 'TRANS_STMT_ROLLBACK':
            return t.chain ? 'chain' : 'end';
        case 'TRANS_STMT_PREPARE':
            return 'end';
        default:
            return undefined;
    }
}
/**
 * The idiom of a file written for a runner that wraps it in a transaction but holding a statement that
 * cannot run in one: `COMMIT;` first (ends the runner's transaction), the statement, `BEGIN;` last (gives
 * the runner a transaction to commit). Neither the stray COMMIT nor the last, empty BEGIN is a mistake.
 */
export function escapesRunnerTransaction(statements) {
    const top = statements.filter((s) => !s.parent);
    const blocks = top.filter((s) => blockEffect(s) !== undefined);
    return blocks.length === 2 && blockEffect(blocks[0]) === 'end' && blockEffect(top[top.length - 1]) === 'begin';
}
/** Whether a transaction block is open after `statements` (top-level ones; DO bodies cannot open one). */
export function blockOpenAfter(statements) {
    let openedBy;
    for (const s of statements) {
        if (s.parent)
            continue;
        const effect = blockEffect(s);
        if (effect === 'begin')
            openedBy ??= s;
        else if (effect === 'end')
            openedBy = undefined;
        else if (effect === 'chain' && openedBy)
            openedBy = s;
    }
    return openedBy;
}
