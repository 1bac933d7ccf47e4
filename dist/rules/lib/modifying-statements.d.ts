import type { DeleteStmt, Node, UpdateStmt } from '@pgsql/types';
export interface Modifying<T> {
    stmt: T;
    /** Byte location of the WITH item that holds it; undefined for the statement itself. */
    location: number | undefined;
}
/**
 * The DELETEs (or UPDATEs) a statement runs: the statement itself and any in its WITH clauses, at any
 * depth. A data-modifying CTE runs to completion whether or not its RETURNING rows are read.
 */
export declare function modifyingStatements<K extends 'DeleteStmt' | 'UpdateStmt'>(node: Node, kind: K): Array<Modifying<K extends 'DeleteStmt' ? DeleteStmt : UpdateStmt>>;
