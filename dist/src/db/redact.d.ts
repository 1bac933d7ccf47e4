/**
 * Secrets never reach output: every log line and error message of the runner goes through redact().
 * A URL's password becomes `*****`; known secrets (the password of the connection in use) are replaced
 * wherever they appear, since a driver or server message may quote them.
 */
export declare const REDACTED = "*****";
/** The URL with its password replaced; usable on malformed URLs too. */
export declare function redactUrl(url: string): string;
/** Removes passwords from any text: URL userinfo, `password=` settings, and the given known secrets. */
export declare function redact(text: string, secrets?: readonly string[]): string;
/** The error's message, redacted, on one line. */
export declare function redactError(error: unknown, secrets?: readonly string[]): string;
