import { UserError, EXIT_FINDINGS, EXIT_USAGE } from '../cli/errors.js';
/** The backup could not be taken or checked: nothing has been applied (exit 2). */
export class BackupError extends UserError {
    constructor(message) {
        super(message, EXIT_USAGE);
        this.name = 'BackupError';
    }
}
/** Row counts show undeclared data loss: the migration is rolled back (a failed migration, exit 1). */
export class VerificationError extends UserError {
    constructor(message) {
        super(message, EXIT_FINDINGS);
        this.name = 'VerificationError';
    }
}
/** A restore did not complete; the message says how to finish by hand (exit 1). */
export class RestoreError extends UserError {
    manualCommand;
    constructor(message, manualCommand) {
        super(manualCommand ? `${message}; to finish by hand: ${manualCommand}` : message, EXIT_FINDINGS);
        this.name = 'RestoreError';
        this.manualCommand = manualCommand;
    }
}
