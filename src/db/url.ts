import type { PgConnectionConfig } from './pg-types.js';
import { ConnectionError } from './errors.js';
import { redact } from './redact.js';

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

const PG_ENV = ['PGHOST', 'PGHOSTADDR', 'PGPORT', 'PGDATABASE', 'PGUSER', 'PGSERVICE'] as const;

/**
 * Where to connect: `--database-url`, else DATABASE_URL, else the libpq PG* variables. Checks the URL's
 * shape before any connection is tried, so a typo is one clear line rather than a driver error.
 */
export function resolveConnection(databaseUrl: string | undefined, env: Environment = process.env): ConnectionTarget {
  const url = databaseUrl ?? (env.DATABASE_URL || undefined);
  if (url === undefined) {
    if (!PG_ENV.some((name) => env[name])) {
      throw new ConnectionError('no database given: pass --database-url or set DATABASE_URL (or the PGHOST/PGDATABASE/PGUSER variables)');
    }
    // node-postgres reads PG* (and PGPASSWORD) itself when no connection string is given
    const host = env.PGHOST ?? env.PGHOSTADDR ?? 'localhost';
    const display = `${host}:${env.PGPORT ?? '5432'}/${env.PGDATABASE ?? env.PGUSER ?? ''}`;
    return { config: {}, display, secrets: env.PGPASSWORD ? [env.PGPASSWORD] : [] };
  }
  return parseDatabaseUrl(url);
}

/** Validates a `postgres://user:password@host:port/database?…` URL. */
export function parseDatabaseUrl(url: string): ConnectionTarget {
  const trimmed = url.trim();
  const example = 'expected postgres://user@host:5432/database (user:password@ when a password is needed)';
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    throw new ConnectionError(`malformed database URL '${redact(withoutUserinfo(trimmed))}': ${example}`);
  }
  const secrets = parsed.password ? [decodeSafe(parsed.password), parsed.password] : [];
  // a malformed URL may hide its password where URL parsing does not see one: show no userinfo at all
  const shown = redact(withoutUserinfo(trimmed), secrets);
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new ConnectionError(`malformed database URL '${shown}': unknown scheme '${parsed.protocol.replace(/:$/, '')}', ${example}`);
  }
  if (parsed.port !== '' && !/^\d+$/.test(parsed.port)) {
    throw new ConnectionError(`malformed database URL '${shown}': bad port, ${example}`);
  }
  const database = decodeSafe(parsed.pathname.replace(/^\//, ''));
  if (database.includes('/')) throw new ConnectionError(`malformed database URL '${shown}': ${example}`);
  const host = parsed.hostname || parsed.searchParams.get('host') || 'localhost';
  const display = `${host}:${parsed.port || '5432'}/${database || decodeSafe(parsed.username)}`;
  return { config: { connectionString: trimmed }, display, secrets };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `scheme://*****@rest`: drops everything before the last `@`, wherever a typo moved the password. */
function withoutUserinfo(text: string): string {
  const at = text.lastIndexOf('@');
  if (at < 0) return text;
  const scheme = /^[a-z][a-z0-9+.-]*:(\/\/)?/i.exec(text)?.[0] ?? '';
  return `${scheme}*****${text.slice(at)}`;
}
