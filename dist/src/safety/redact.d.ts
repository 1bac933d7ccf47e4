export { redactUrl } from '../db/redact.js';
/** Splits a URL into the part safe to put on a command line and the password for PGPASSWORD. */
export declare function splitPassword(url: string): {
    url: string;
    password?: string;
};
