import { nodeAs } from '../src/sql/ast.js';
import { blockEffect, blockOpenAfter, escapesRunnerTransaction } from './lib/transaction-blocks.js';
export const transactionNesting = {
    meta: {
        id: 'transaction-nesting',
        category: 'transactions',
        defaultSeverity: 'warning',
        summary: 'BEGIN inside an open transaction, or COMMIT/ROLLBACK with none open, does not do what it seems.',
        why: 'PostgreSQL has no nested transactions. A second BEGIN only draws a warning and is ignored, so the first COMMIT that follows commits everything from the outer BEGIN on: the statements meant to be atomic together are not. A COMMIT or ROLLBACK with no transaction open is likewise ignored with a warning, which usually means the file\'s BEGIN/COMMIT pairs are not what the author thinks. (A file with its own BEGIN/COMMIT runs as written; pgwarden\'s runner does not wrap it in another transaction.) A file that starts with COMMIT and ends with an empty BEGIN, the idiom for running CREATE INDEX CONCURRENTLY under a runner that wraps every file in a transaction, is not reported.',
        safeAlternative: [
            'Use one BEGIN … COMMIT pair per unit of work, or SAVEPOINT for a part that may be rolled back on its own:',
            '```sql',
            'BEGIN;',
            'ALTER TABLE orders ADD COLUMN note text;',
            'SAVEPOINT before_backfill;',
            "UPDATE orders SET note = '' WHERE note IS NULL;",
            'RELEASE SAVEPOINT before_backfill;',
            'COMMIT;',
            '```',
        ].join('\n'),
        help: 'Remove the nested BEGIN (use SAVEPOINT) or the stray COMMIT/ROLLBACK.',
        limits: 'Follows BEGIN/COMMIT/ROLLBACK (AND CHAIN, PREPARE TRANSACTION) at the top level of a file; the idiom `COMMIT; … BEGIN;` for leaving a wrapping runner\'s transaction is not reported (squawk reports its COMMIT), nor COMMIT AND CHAIN, which opens the next block (squawk reports the statements after it).',
    },
    check({ statement, previous, parsed, report }) {
        if (statement.parent)
            return;
        const effect = blockEffect(statement);
        if (!effect)
            return;
        const open = blockOpenAfter(previous) !== undefined;
        if (effect === 'begin' && open) {
            report({ message: 'BEGIN inside an open transaction is ignored; the next COMMIT commits the outer transaction too.' });
        }
        else if (effect !== 'begin' && !open && !escapesRunnerTransaction(parsed.statements)) {
            const kind = nodeAs(statement.node, 'TransactionStmt')?.kind;
            const word = kind === 'TRANS_STMT_ROLLBACK' ? 'ROLLBACK' : kind === 'TRANS_STMT_PREPARE' ? 'PREPARE TRANSACTION' : 'COMMIT';
            report({ message: `${word} with no transaction open does nothing; check the file's BEGIN/COMMIT pairs.` });
        }
    },
};
