import type { PgClient } from '../db/pg-types.js';
import { setTimeout as delay } from 'node:timers/promises';

export interface Blocker {
  pid: number;
  applicationName: string;
  clientAddr: string | null;
  state: string | null;
  /** The blocking session's current (or last) query, shortened. */
  query: string;
  /** How long the blocking session has been in its transaction (ms). */
  transactionAgeMs: number | null;
}

/**
 * Runs `work` while sampling, from another connection, which sessions block `pid` (pg_blocking_pids).
 * Sampled during the wait because once lock_timeout fires the waiter no longer waits and
 * pg_blocking_pids is empty.
 */
export async function watchBlockers<T>(
  monitor: PgClient | undefined,
  pid: number,
  intervalMs: number,
  work: () => Promise<T>,
): Promise<{ value?: T; error?: unknown; blockers: Blocker[] }> {
  let done = false;
  // aborted when the work ends: a fast migration is not held up by the sampling interval, and no
  // pending timer keeps the process alive after the run (it did, for up to the interval, at every exit)
  const stop = new AbortController();
  let seen: Blocker[] = [];
  const sampler = (async () => {
    if (!monitor) return;
    while (!done) {
      await delay(intervalMs, undefined, { signal: stop.signal }).catch(() => undefined);
      if (done) break;
      const found = await blockersOf(monitor, pid).catch(() => []);
      if (found.length > 0) seen = found;
    }
  })();
  try {
    return { value: await work(), blockers: seen };
  } catch (error) {
    return { error, blockers: seen };
  } finally {
    done = true;
    stop.abort();
    await sampler;
  }
}

export async function blockersOf(client: PgClient, pid: number): Promise<Blocker[]> {
  const { rows } = await client.query<{ pid: number; application_name: string; client_addr: string | null; state: string | null; query: string; age_ms: number | null }>(
    `select pid, application_name, client_addr::text as client_addr, state, left(query, 200) as query,
            (extract(epoch from now() - xact_start) * 1000)::int as age_ms
       from pg_stat_activity where pid = any(pg_blocking_pids($1))`,
    [pid],
  );
  return rows.map((r) => ({
    pid: r.pid,
    applicationName: r.application_name,
    clientAddr: r.client_addr,
    state: r.state,
    query: r.query.replace(/\s+/g, ' ').trim(),
    transactionAgeMs: r.age_ms,
  }));
}

export function describeBlockers(blockers: Blocker[]): string {
  if (blockers.length === 0) return 'blocker not identified';
  return blockers
    .map((b) => `pid ${b.pid} (application '${b.applicationName || '?'}', client ${b.clientAddr ?? 'local socket'}, ${b.state ?? '?'}${b.transactionAgeMs !== null ? `, in transaction for ${b.transactionAgeMs} ms` : ''}): ${b.query}`)
    .join('; ');
}
