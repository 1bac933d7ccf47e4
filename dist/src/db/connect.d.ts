import type { PgConnection } from './pg-types.js';
import { ConnectionError } from './errors.js';
import type { ConnectionTarget } from './url.js';
export interface ConnectOptions {
    applicationName?: string;
    /** How long to wait for the server to answer (default 10 s). */
    connectTimeoutMs?: number;
}
/** Opens one connection; every failure the user can cause becomes a one-line ConnectionError. */
export declare function connect(target: ConnectionTarget, options?: ConnectOptions): Promise<PgConnection>;
/**
 * `sslmode=require` (and prefer, verify-ca) as libpq means it — the meaning pg_dump and pg_restore give
 * the same URL — rather than node-postgres 8's verify-full, which also prints a multi-line security
 * warning on every run. verify-full and an explicit `uselibpqcompat` are left as written.
 */
export declare function withLibpqSslModes(connectionString: string | undefined): string | undefined;
/** Maps driver and server errors at connection time to one clear line. */
export declare function describeConnectError(error: unknown, target: ConnectionTarget): ConnectionError;
