/** A request the runner cannot carry out as asked (unknown --to name, missing down file…). */
export class RunnerUsageError extends Error {
    constructor(message) {
        super(message);
        this.name = 'RunnerUsageError';
    }
}
/**
 * A migration that ran outside a transaction was interrupted: some of its statements may be applied.
 * Running on blindly could apply the rest on top of a state nobody checked, so `up` stops here.
 */
export class InterruptedMigrationError extends Error {
    marker;
    constructor(marker) {
        super(`migration ${marker.name} (${marker.direction}) was interrupted outside a transaction after ${marker.statementsDone} of ${marker.statementsTotal} statements ` +
            `(started ${marker.startedAt.toISOString()} by ${marker.startedBy}); run \`pgwarden migrate repair\` to see what it left and to resume or forget it`);
        this.name = 'InterruptedMigrationError';
        this.marker = marker;
    }
}
/** A pending migration sorts before an applied one, and --allow-out-of-order was not given. */
export class OutOfOrderError extends Error {
    constructor(message) {
        super(message);
        this.name = 'OutOfOrderError';
    }
}
/** A run died (or its restore failed) leaving the database possibly half-restored: nothing runs until it is resolved. */
export class UnfinishedRunError extends Error {
    constructor(message) {
        super(message);
        this.name = 'UnfinishedRunError';
    }
}
/** The first `up` on a database another tool has migrated: its history would be ignored and everything applied again. */
export class ForeignHistoryError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ForeignHistoryError';
    }
}
