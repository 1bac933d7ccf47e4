import { type PgTools } from './pg-tools.js';
export interface ChosenPgTools extends PgTools {
    /** e.g. `17.6` */
    version: string;
    /** Set when the choice is not simply PATH's pg_dump: which one was taken and why (one line). */
    note?: string;
}
/** Every pg_dump on this machine, PATH's first (in PATH order), then the distributions' versioned directories. */
export declare function pgDumpCandidates(path?: string): string[];
/**
 * The pg_dump/pg_restore pair for a server: `--pg-dump` when given (checked), else the first pg_dump of
 * the server's own major (PATH first, then the distributions' versioned directories), else the nearest
 * newer one (pg_dump dumps older servers). Throws BackupError, one line saying how to get one, when none
 * can dump the server.
 */
export declare function choosePgTools(server: {
    num: number;
    text: string;
}, explicitPgDump?: string, candidates?: string[]): Promise<ChosenPgTools>;
/**
 * A newer pg_restore writes SQL for its own major: from 17 on it sets transaction_timeout, which older
 * servers refuse (the matrix shows it on 16 with 18's client). Restores then go through psql without it.
 */
export declare function olderServer(pgDumpPath: string, clientMajor: number, serverMajorNumber: number): Pick<PgTools, 'olderServer'>;
