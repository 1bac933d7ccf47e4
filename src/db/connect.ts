import pg from 'pg';
import type { PgClient, PgConnection, PgPool, PgPoolClient } from './pg-types.js';
import { ConnectionError } from './errors.js';
import { redactError } from './redact.js';
import type { ConnectionTarget } from './url.js';

// pg's own objects must fit the structural types the public signatures name (a compile error here otherwise)
type Fits<T extends U, U> = T;
// eslint-disable-next-line @typescript-eslint/no-unused-vars
type PgObjectsFit = [Fits<pg.ClientBase, PgClient>, Fits<pg.Client, PgConnection>, Fits<pg.PoolClient, PgPoolClient>, Fits<pg.Pool, PgPool>];

export interface ConnectOptions {
  applicationName?: string;
  /** How long to wait for the server to answer (default 10 s). */
  connectTimeoutMs?: number;
}

/** Opens one connection; every failure the user can cause becomes a one-line ConnectionError. */
export async function connect(target: ConnectionTarget, options: ConnectOptions = {}): Promise<PgConnection> {
  const client = new pg.Client({
    ...target.config,
    connectionString: withLibpqSslModes(target.config.connectionString),
    application_name: options.applicationName ?? 'pgwarden',
    connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000,
  });
  // An idle connection killed by the server emits 'error'; the next query reports it instead of a crash.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (error) {
    await client.end().catch(() => undefined);
    throw describeConnectError(error, target);
  }
  return client;
}

/**
 * `sslmode=require` (and prefer, verify-ca) as libpq means it — the meaning pg_dump and pg_restore give
 * the same URL — rather than node-postgres 8's verify-full, which also prints a multi-line security
 * warning on every run. verify-full and an explicit `uselibpqcompat` are left as written.
 */
export function withLibpqSslModes(connectionString: string | undefined): string | undefined {
  if (connectionString === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(connectionString);
  } catch {
    return connectionString;
  }
  const mode = url.searchParams.get('sslmode');
  if (mode === null || !['prefer', 'require', 'verify-ca'].includes(mode) || url.searchParams.has('uselibpqcompat')) return connectionString;
  url.searchParams.set('uselibpqcompat', 'true');
  return url.toString();
}

/** Maps driver and server errors at connection time to one clear line. */
export function describeConnectError(error: unknown, target: ConnectionTarget): ConnectionError {
  const err = error as { code?: string; message?: string };
  const code = err.code;
  const where = target.display;
  const detail = redactError(error, target.secrets);
  switch (code) {
    case 'ECONNREFUSED':
      return new ConnectionError(`cannot connect to ${where}: connection refused (is PostgreSQL running there?)`, code);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new ConnectionError(`cannot connect to ${where}: unknown host`, code);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new ConnectionError(`cannot connect to ${where}: host unreachable (${code})`, code);
    case '28P01':
      return new ConnectionError(`cannot connect to ${where}: password authentication failed (${detail})`, code);
    case '28000':
      return new ConnectionError(`cannot connect to ${where}: access denied (${detail})`, code);
    case '3D000':
      return new ConnectionError(`cannot connect to ${where}: database does not exist (${detail})`, code);
    default:
      if (/timeout/i.test(err.message ?? '')) {
        return new ConnectionError(`cannot connect to ${where}: no answer within the connection timeout`, code);
      }
      return new ConnectionError(`cannot connect to ${where}: ${detail}`, code);
  }
}
