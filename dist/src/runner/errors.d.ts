import type { AttemptMarker } from './history.js';
/** A request the runner cannot carry out as asked (unknown --to name, missing down file…). */
export declare class RunnerUsageError extends Error {
    constructor(message: string);
}
/**
 * A migration that ran outside a transaction was interrupted: some of its statements may be applied.
 * Running on blindly could apply the rest on top of a state nobody checked, so `up` stops here.
 */
export declare class InterruptedMigrationError extends Error {
    readonly marker: AttemptMarker;
    constructor(marker: AttemptMarker);
}
/** A pending migration sorts before an applied one, and --allow-out-of-order was not given. */
export declare class OutOfOrderError extends Error {
    constructor(message: string);
}
/** A run died (or its restore failed) leaving the database possibly half-restored: nothing runs until it is resolved. */
export declare class UnfinishedRunError extends Error {
    constructor(message: string);
}
/** The first `up` on a database another tool has migrated: its history would be ignored and everything applied again. */
export declare class ForeignHistoryError extends Error {
    constructor(message: string);
}
