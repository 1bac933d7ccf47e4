import { lockTakenBy } from './locks.js';
/**
 * Follows the locks taken in each file, statement by statement. Call `observe` once for every statement
 * in order (rules' `check` is called that way); it answers with the locks earlier statements of the same
 * transaction still hold. Each instance keeps its own per-file record.
 */
export class LockHistory {
    /**
     * Per file and transaction, the first statement to take each (relation, mode): later takers add
     * nothing a rule needs, and keeping them made long transactions (thousands of INSERTs) quadratic.
     */
    files = new WeakMap();
    observe(view) {
        let byTransaction = this.files.get(view.parsed);
        if (!byTransaction) {
            byTransaction = new Map();
            this.files.set(view.parsed, byTransaction);
        }
        const id = view.transaction.id;
        let taken = byTransaction.get(id);
        // a snapshot: the claims pushed below belong to this statement, not to the ones before it
        const held = view.transaction.inTransaction && taken ? taken.locks.slice() : [];
        for (const claim of lockTakenBy(view.statement, view.schema, view.pgVersion)) {
            if (!taken)
                byTransaction.set(id, (taken = { locks: [], seen: new Set() }));
            const key = `${claim.relation}\0${claim.mode}`;
            if (taken.seen.has(key))
                continue;
            taken.seen.add(key);
            taken.locks.push({
                claim,
                statement: view.statement,
                transaction: id,
                onNewTable: view.schema.relationCreatedInCurrentFile(claim.relation),
            });
        }
        return held;
    }
}
