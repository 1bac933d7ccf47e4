import type { Statement } from '../sql/parser.js';
import type { SchemaModel } from './schema.js';
import type { TransactionState } from './transactions.js';
import { type LockClaim } from './locks.js';
/** A lock an earlier statement of the file took, still held while its transaction is open. */
export interface HeldLock {
    claim: LockClaim;
    statement: Statement;
    /** Transaction id (TransactionState.id) the lock belongs to. */
    transaction: number;
    /** The locked table was created earlier in the same file: nobody else uses it yet. */
    onNewTable: boolean;
}
export interface StatementView {
    /** Identifies the file being linted (the engine's ParsedFile object). */
    parsed: object;
    statement: Statement;
    /** The schema as it was before `statement`. */
    schema: SchemaModel;
    transaction: TransactionState;
    pgVersion: number;
}
/**
 * Follows the locks taken in each file, statement by statement. Call `observe` once for every statement
 * in order (rules' `check` is called that way); it answers with the locks earlier statements of the same
 * transaction still hold. Each instance keeps its own per-file record.
 */
export declare class LockHistory {
    /**
     * Per file and transaction, the first statement to take each (relation, mode): later takers add
     * nothing a rule needs, and keeping them made long transactions (thousands of INSERTs) quadratic.
     */
    private readonly files;
    observe(view: StatementView): readonly HeldLock[];
}
