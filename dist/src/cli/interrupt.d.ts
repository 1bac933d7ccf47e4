import type { RunLogger } from '../runner/hooks.js';
declare const SIGNALS: {
    readonly SIGINT: 130;
    readonly SIGTERM: 143;
};
type Signal = keyof typeof SIGNALS;
/** What a migrate command is doing, read from the runner's own log events. */
export interface Progress {
    logger: RunLogger;
    /** One line for the user: what was interrupted and what that means for the database. */
    describe(signal: Signal): string;
}
/**
 * Wraps `inner` so that an interruption can say which migration was running. The process exits at
 * once: closing the connections is what makes the server roll back the open transaction and drop the
 * run lock (the runner sets client_connection_check_interval so a running statement stops too).
 */
export declare function trackProgress(inner: RunLogger, changesDatabase: boolean): Progress;
/**
 * While `work` runs, SIGINT (ctrl-c) and SIGTERM print one line on stderr and exit with 128 + the
 * signal's number, instead of Node's silent exit that leaves the user guessing what state the database is in.
 */
export declare function onInterrupt<T>(describe: (signal: Signal) => string, work: () => Promise<T>): Promise<T>;
export {};
