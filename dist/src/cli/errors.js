/** Exit codes from DESIGN.md. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** The run lock was lost while migrations were running (the session holding it was terminated). */
export const EXIT_LOCK_LOST = 3;
/**
 * An error the user can cause and fix (bad path, bad config, bad URL). The CLI prints its message as
 * one line and exits with `exitCode`; anything else is a bug and shows its stack only under --debug.
 */
export class UserError extends Error {
    exitCode;
    constructor(message, exitCode = EXIT_USAGE) {
        super(message);
        this.name = 'UserError';
        this.exitCode = exitCode;
    }
}
