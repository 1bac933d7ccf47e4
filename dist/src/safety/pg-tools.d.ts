import { redactUrl } from './redact.js';
export interface PgTools {
    pgDump: string;
    pgRestore: string;
    /**
     * Set when this pg_restore is newer than the server and its SQL sets what the server does not know
     * (17+ sets transaction_timeout, unknown to 16 and older): restores into the database then go through
     * psql as SQL with those SET lines removed, instead of pg_restore's own connection.
     */
    olderServer?: OlderServerRestore;
}
export interface OlderServerRestore {
    /** The psql beside pg_restore (the same major), else PATH's. */
    psql: string;
    /** Settings the server does not know, whose `SET name = …;` lines are dropped from the script. */
    unknownSettings: string[];
}
/** pg_restore lives beside pg_dump: an explicit pg_dump path also chooses its pg_restore. */
export declare function pgTools(pgDumpPath?: string): PgTools;
/** The psql of the same client installation as `pgDumpPath` when there is one, else PATH's. */
export declare function psqlBeside(pgDumpPath: string): string;
export interface ToolRun {
    /** Database URL; its password goes to the child's PGPASSWORD, never to the command line. */
    databaseUrl?: string;
}
export interface ToolResult {
    stdout: string;
    stderr: string;
}
/** Runs a client binary with an argument array (no shell); rejects with its stderr on failure. */
export declare function runTool(command: string, args: string[], options?: ToolRun): Promise<ToolResult>;
/**
 * Runs a client binary whose standard output goes through this process into `file`. A runner that is
 * killed closes the pipe, so the tool's next write fails and it stops too: no orphan pg_dump goes on
 * writing a backup nobody will finish.
 */
export declare function streamToolToFile(command: string, args: string[], options: ToolRun, file: string): Promise<void>;
export declare function firstLine(text: string): string;
/** `pg_dump (PostgreSQL) 15.20 (Debian …)` → 15. */
export declare function parseToolVersion(output: string): {
    major: number;
    text: string;
} | null;
export declare function serverMajor(serverVersionNum: number): number;
/**
 * pg_dump refuses servers newer than itself; find out before the run rather than halfway through
 * a backup. Throws one line saying what is wrong and how to fix it.
 */
export declare function checkPgDump(pgDump: string, serverVersion: {
    num: number;
    text: string;
}): Promise<string>;
/** The exact command to finish a restore by hand: the password is left for the reader to supply. */
export declare function manualRestoreCommand(tools: PgTools, databaseUrl: string, args: string[]): string;
/**
 * Restores archive entries into the database: `args` are pg_restore's (the archive last, no --dbname).
 * With a pg_restore newer than the server (PgTools.olderServer), its SQL goes through psql without the
 * SET lines the server would refuse.
 */
export declare function restoreIntoDatabase(tools: PgTools, args: string[], databaseUrl: string): Promise<void>;
export { redactUrl };
