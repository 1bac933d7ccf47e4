import type { DeleteStmt, Node, UpdateStmt } from '@pgsql/types';
import { nodeAs } from '../../src/sql/ast.js';

export interface Modifying<T> {
  stmt: T;
  /** Byte location of the WITH item that holds it; undefined for the statement itself. */
  location: number | undefined;
}

/**
 * The DELETEs (or UPDATEs) a statement runs: the statement itself and any in its WITH clauses, at any
 * depth. A data-modifying CTE runs to completion whether or not its RETURNING rows are read.
 */
export function modifyingStatements<K extends 'DeleteStmt' | 'UpdateStmt'>(
  node: Node,
  kind: K,
): Array<Modifying<K extends 'DeleteStmt' ? DeleteStmt : UpdateStmt>> {
  type T = K extends 'DeleteStmt' ? DeleteStmt : UpdateStmt;
  const out: Array<Modifying<T>> = [];
  const visit = (n: Node | undefined, location: number | undefined): void => {
    const own = nodeAs(n, kind) as T | undefined;
    if (own) out.push({ stmt: own, location });
    const payload = n && (Object.values(n)[0] as { withClause?: { ctes?: Node[] } } | undefined);
    for (const c of payload?.withClause?.ctes ?? []) {
      const cte = nodeAs(c, 'CommonTableExpr');
      visit(cte?.ctequery, cte?.location);
    }
  };
  visit(node, undefined);
  return out;
}
