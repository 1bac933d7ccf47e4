import { UserError } from '../cli/errors.js';
/** The backup could not be taken or checked: nothing has been applied (exit 2). */
export declare class BackupError extends UserError {
    constructor(message: string);
}
/** Row counts show undeclared data loss: the migration is rolled back (a failed migration, exit 1). */
export declare class VerificationError extends UserError {
    constructor(message: string);
}
/** A restore did not complete; the message says how to finish by hand (exit 1). */
export declare class RestoreError extends UserError {
    readonly manualCommand?: string;
    constructor(message: string, manualCommand?: string);
}
