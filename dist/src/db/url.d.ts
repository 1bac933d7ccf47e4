import type { ClientConfig } from 'pg';
export interface ConnectionTarget {
    /** What pg connects with. */
    config: ClientConfig;
    /** For messages: `host:port/database` as the user gave it, without the password. */
    display: string;
    /** Secrets to scrub from any output (the password, when one was given). */
    secrets: string[];
}
/**
 * Where to connect: `--database-url`, else DATABASE_URL, else the libpq PG* variables. Checks the URL's
 * shape before any connection is tried, so a typo is one clear line rather than a driver error.
 */
export declare function resolveConnection(databaseUrl: string | undefined, env?: NodeJS.ProcessEnv): ConnectionTarget;
/** Validates a `postgres://user:password@host:port/database?…` URL. */
export declare function parseDatabaseUrl(url: string): ConnectionTarget;
