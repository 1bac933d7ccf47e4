/**
 * A connection problem the user can fix (no URL, malformed URL, unreachable host, bad credentials,
 * unknown database). The message is one line and never holds a password.
 */
export class ConnectionError extends Error {
    /** SQLSTATE or Node error code behind the failure, when there is one. */
    code;
    constructor(message, code) {
        super(message);
        this.name = 'ConnectionError';
        this.code = code;
    }
}
