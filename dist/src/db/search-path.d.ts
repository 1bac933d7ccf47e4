import type { ConnectionTarget } from './url.js';
/**
 * `search_path` as a startup option of the connection (`options=-c search_path=…`), so that every
 * connection made from the target — the runner's, the safety net's, pg_dump's — resolves names alike and
 * `RESET search_path` returns to it. libpq and node-postgres both read `options` from the URL.
 */
export declare function withSearchPath(target: ConnectionTarget, path: readonly string[]): ConnectionTarget;
