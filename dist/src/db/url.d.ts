import type { PgConnectionConfig } from './pg-types.js';
export interface ConnectionTarget {
    /** What pg connects with. */
    config: PgConnectionConfig;
    /** For messages: `host:port/database` as the user gave it, without the password. */
    display: string;
    /** Secrets to scrub from any output (the password, when one was given). */
    secrets: string[];
}
/** Environment variables (process.env fits), spelled out so that the declarations need no @types/node. */
export type Environment = Readonly<Record<string, string | undefined>>;
/**
 * Where to connect: `--database-url`, else DATABASE_URL, else the libpq PG* variables. Checks the URL's
 * shape before any connection is tried, so a typo is one clear line rather than a driver error.
 */
export declare function resolveConnection(databaseUrl: string | undefined, env?: Environment): ConnectionTarget;
/** Validates a `postgres://user:password@host:port/database?…` URL. */
export declare function parseDatabaseUrl(url: string): ConnectionTarget;
