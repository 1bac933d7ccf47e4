import type { Statement } from '../../src/sql/parser.js';
import { nodeAs } from '../../src/sql/ast.js';

/**
 * What a statement does to the session's transaction block: `begin` opens one, `end` closes it
 * (COMMIT, ROLLBACK, PREPARE TRANSACTION), `chain` closes it and opens the next (… AND CHAIN).
 * COMMIT/ROLLBACK PREPARED act on another, prepared transaction: not on the session's block.
 */
export function blockEffect(statement: Statement): 'begin' | 'end' | 'chain' | undefined {
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

/** Whether a transaction block is open after `statements` (top-level ones; DO bodies cannot open one). */
export function blockOpenAfter(statements: readonly Statement[]): Statement | undefined {
  let openedBy: Statement | undefined;
  for (const s of statements) {
    if (s.parent) continue;
    const effect = blockEffect(s);
    if (effect === 'begin') openedBy ??= s;
    else if (effect === 'end') openedBy = undefined;
    else if (effect === 'chain' && openedBy) openedBy = s;
  }
  return openedBy;
}
