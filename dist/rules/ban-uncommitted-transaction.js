import { nodeAs } from '../src/sql/ast.js';
import { blockOpenAfter, escapesRunnerTransaction } from './lib/transaction-blocks.js';
export const banUncommittedTransaction = {
    meta: {
        id: 'ban-uncommitted-transaction',
        category: 'transactions',
        defaultSeverity: 'error',
        summary: 'A BEGIN without a matching COMMIT leaves the migration\'s transaction open.',
        why: 'When a file opens a transaction and never commits it, what happens depends on the tool: the work is rolled back when the connection closes (the migration silently did nothing, yet may be recorded as applied), or the next migrations run inside the same open transaction and hold its locks for far longer than intended, blocking application queries. A BEGIN as the very last statement of a file that started with COMMIT is the idiom for leaving and re-entering a wrapping runner\'s transaction, and is not reported.',
        safeAlternative: [
            'Close every transaction the file opens:',
            '```sql',
            'BEGIN;',
            'ALTER TABLE orders ADD COLUMN note text;',
            'COMMIT;',
            '```',
        ].join('\n'),
        help: 'Add COMMIT at the end of the transaction.',
        limits: 'A BEGIN left open at the end of the file is reported unless it is the last statement of a file that began with COMMIT (the escape idiom, which squawk reports). Transactions opened inside DO blocks cannot exist and are not followed.',
    },
    checkFile({ parsed, report }) {
        const openedBy = blockOpenAfter(parsed.statements);
        // a file cut short by a syntax error is reported as such; its end is not the real end
        if (!openedBy || parsed.syntaxError || escapesRunnerTransaction(parsed.statements))
            return;
        const chained = nodeAs(openedBy.node, 'TransactionStmt')?.chain === true;
        report({
            message: chained
                ? 'AND CHAIN opens a new transaction that is never committed: the file ends without COMMIT.'
                : 'This transaction is never committed: the file ends without COMMIT.',
            statement: openedBy,
        });
    },
};
