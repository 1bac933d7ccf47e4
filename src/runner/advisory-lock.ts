import type { ClientBase } from 'pg';
import { LOCK_NOT_AVAILABLE, sqlState } from './retry.js';

/** One key for every pgwarden runner on a database ('pgwd'); advisory locks are per database. */
export const RUN_LOCK_KEY = 0x70677764;

export interface SessionInfo {
  pid: number;
  applicationName: string;
  clientAddr: string | null;
  user: string | null;
  backendStart?: Date | null;
}

/** Another runner held the run lock for longer than we were willing to wait. */
export class RunLockTimeoutError extends Error {
  readonly holder?: SessionInfo;
  constructor(waitedMs: number, holder: SessionInfo | undefined) {
    const who = holder
      ? `pid ${holder.pid}, application '${holder.applicationName || '?'}', user ${holder.user ?? '?'}, client ${holder.clientAddr ?? 'local socket'}`
      : 'a session that has since ended';
    super(`another migration run holds the lock on this database (${who}); gave up after waiting ${waitedMs} ms (--wait-for-lock)`);
    this.name = 'RunLockTimeoutError';
    this.holder = holder;
  }
}

/**
 * Takes the session-level run lock on `client`, waiting up to `waitMs`. The wait is PostgreSQL's own
 * (lock_timeout applies to advisory locks), so no polling, and the order of waiting runners is fair.
 */
export async function acquireRunLock(client: ClientBase, waitMs: number): Promise<void> {
  await client.query(`set lock_timeout = ${Math.max(1, Math.round(waitMs))}`);
  try {
    await client.query('select pg_advisory_lock($1)', [RUN_LOCK_KEY]);
  } catch (error) {
    if (sqlState(error) !== LOCK_NOT_AVAILABLE) throw error;
    throw new RunLockTimeoutError(waitMs, await runLockHolder(client));
  } finally {
    await client.query('reset lock_timeout').catch(() => undefined);
  }
}

export async function releaseRunLock(client: ClientBase): Promise<void> {
  await client.query('select pg_advisory_unlock($1)', [RUN_LOCK_KEY]);
}

/** The session holding the run lock, from pg_locks and pg_stat_activity. */
export async function runLockHolder(client: ClientBase): Promise<SessionInfo | undefined> {
  const { rows } = await client.query<{ pid: number; application_name: string; client_addr: string | null; usename: string | null; backend_start: Date | null }>(
    `select a.pid, a.application_name, a.client_addr::text as client_addr, a.usename, a.backend_start
       from pg_locks l join pg_stat_activity a on a.pid = l.pid
      where l.locktype = 'advisory' and l.granted and l.classid = 0 and l.objid = $1 and l.objsubid = 1
        and l.database = (select oid from pg_database where datname = current_database())`,
    [RUN_LOCK_KEY],
  );
  const r = rows[0];
  return r ? { pid: r.pid, applicationName: r.application_name, clientAddr: r.client_addr, user: r.usename, backendStart: r.backend_start } : undefined;
}
