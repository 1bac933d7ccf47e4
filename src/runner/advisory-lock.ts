import { createHash } from 'node:crypto';
import type { PgClient } from '../db/pg-types.js';
import { HISTORY_SCHEMA } from './history.js';
import { sleep } from './retry.js';

/** One key for every pgwarden runner on a database ('pgwd'); advisory locks are per database. */
export const RUN_LOCK_KEY = 0x70677764;

/**
 * The run lock guards one history: runners keeping their history in another schema (a tenant's, see
 * RunnerOptions.historySchema) take a key of their own and do not wait for each other. The default
 * history keeps RUN_LOCK_KEY, so runners of older versions still exclude each other.
 */
export function runLockKeyFor(historySchema: string): number {
  if (historySchema === HISTORY_SCHEMA) return RUN_LOCK_KEY;
  // 31 bits: a positive int4, so pg_locks shows it as objid with classid 0, like RUN_LOCK_KEY
  const key = createHash('sha256').update(`pgwarden history ${historySchema}`).digest().readUInt32BE(0) & 0x7fffffff;
  return key === RUN_LOCK_KEY ? key ^ 1 : key;
}

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
 * Takes the session-level run lock on `client`, waiting up to `waitMs`. Polls with pg_try_advisory_lock
 * rather than waiting inside pg_advisory_lock: a session blocked in a statement keeps a snapshot open,
 * and CREATE INDEX CONCURRENTLY of the runner holding the lock would wait for that snapshot forever.
 */
export async function acquireRunLock(client: PgClient, waitMs: number, pollMs = 250, key = RUN_LOCK_KEY, onWait?: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (let first = true; ; first = false) {
    const { rows } = await client.query<{ ok: boolean }>('select pg_try_advisory_lock($1) as ok', [key]);
    if (rows[0].ok) return;
    if (first) await onWait?.();
    const left = deadline - Date.now();
    if (left <= 0) throw new RunLockTimeoutError(waitMs, await runLockHolder(client, key));
    await sleep(Math.min(pollMs, left));
  }
}

export async function releaseRunLock(client: PgClient, key = RUN_LOCK_KEY): Promise<void> {
  await client.query('select pg_advisory_unlock($1)', [key]);
}

/** The session holding the run lock, from pg_locks and pg_stat_activity. */
export async function runLockHolder(client: PgClient, key = RUN_LOCK_KEY): Promise<SessionInfo | undefined> {
  const { rows } = await client.query<{ pid: number; application_name: string; client_addr: string | null; usename: string | null; backend_start: Date | null }>(
    `select a.pid, a.application_name, a.client_addr::text as client_addr, a.usename, a.backend_start
       from pg_locks l join pg_stat_activity a on a.pid = l.pid
      where l.locktype = 'advisory' and l.granted and l.classid = 0 and l.objid = $1 and l.objsubid = 1
        and l.database = (select oid from pg_database where datname = current_database())`,
    [key],
  );
  const r = rows[0];
  return r ? { pid: r.pid, applicationName: r.application_name, clientAddr: r.client_addr, user: r.usename, backendStart: r.backend_start } : undefined;
}

/**
 * The run lock is gone while the run was changing the database: its session was terminated
 * (`pg_terminate_backend`, a failover) or the migration released it. Another runner may already be
 * running, so this run stops at once; what it was applying is rolled back.
 */
export class RunLockLostError extends Error {
  readonly migration?: string;
  override readonly cause: unknown;
  constructor(migration: string | undefined, cause: unknown, outcome: string) {
    const why = cause instanceof Error ? cause.message.replace(/\s*\n\s*/g, ' ') : 'the session no longer holds it';
    const code = (cause as { code?: string } | undefined)?.code;
    super(
      `lost the run lock${migration ? ` while applying ${migration}` : ''}: ${why}${code ? ` [${code}]` : ''} (${outcome}); ` +
        'another runner may be running now: check `pgwarden migrate status` before running again',
    );
    this.name = 'RunLockLostError';
    this.migration = migration;
    this.cause = cause;
  }
}

/**
 * Whether `client` (the connection that applies the migrations) still holds the run lock. False, not
 * an error, when the connection itself is gone: that is how a terminated session shows up.
 */
export async function holdsRunLock(client: PgClient, key = RUN_LOCK_KEY): Promise<boolean> {
  try {
    const { rows } = await client.query<{ ok: boolean }>(
      `select exists (select 1 from pg_locks where locktype = 'advisory' and granted and pid = pg_backend_pid()
         and classid = 0 and objid = $1 and objsubid = 1) as ok`,
      [key],
    );
    return rows[0].ok;
  } catch {
    return false;
  }
}
