import { nodeAs } from '../../src/sql/ast.js';
/**
 * The DELETEs (or UPDATEs) a statement runs: the statement itself and any in its WITH clauses, at any
 * depth. A data-modifying CTE runs to completion whether or not its RETURNING rows are read.
 */
export function modifyingStatements(node, kind) {
    const out = [];
    const visit = (n, location) => {
        const own = nodeAs(n, kind);
        if (own)
            out.push({ stmt: own, location });
        const payload = n && Object.values(n)[0];
        for (const c of payload?.withClause?.ctes ?? []) {
            const cte = nodeAs(c, 'CommonTableExpr');
            visit(cte?.ctequery, cte?.location);
        }
    };
    visit(node, undefined);
    return out;
}
