import type { PgClient, PgPool, PgPoolClient } from '../db/pg-types.js';
import { connect } from '../db/connect.js';
import type { ConnectionTarget } from '../db/url.js';
import { forgetHistorySchema, HISTORY_SCHEMA, useHistorySchema } from './history.js';

export interface Session {
  /** Reads history, watches blockers, writes the run journal (outside the migrations' transactions). */
  control: PgClient;
  /** Runs migrations and holds the run lock (the same as `control` when the caller gave a single client). */
  migration: PgClient;
  migrationPid: number;
  close(): Promise<void>;
  /** Set by underRunLock once the run lock is held (on `migration`, the connection that changes the database). */
  lock?: HeldRunLock;
}

export interface HeldRunLock {
  key: number;
  /** Throws RunLockLostError when `migration` no longer holds the lock (its session was terminated, or it unlocked). */
  assertHeld(migration: string | undefined, outcome: string): Promise<void>;
  /** Migrations another runner applied while this one waited for the lock (empty when it did not wait). */
  appliedWhileWaiting: string[];
}

export type ConnectionSource =
  | { kind: 'target'; target: ConnectionTarget }
  | { kind: 'pool'; pool: PgPool }
  | { kind: 'client'; client: PgClient };

/**
 * Opens the connections of one command. Two sessions where possible: the run lock and the monitoring
 * queries must not share the migration's transaction. Their history lives in `historySchema`.
 */
export async function openSession(source: ConnectionSource, count: 1 | 2, historySchema = HISTORY_SCHEMA): Promise<Session> {
  const session = await open(source, count);
  for (const c of new Set([session.control, session.migration])) useHistorySchema(c, historySchema);
  return {
    ...session,
    close: async () => {
      for (const c of new Set([session.control, session.migration])) forgetHistorySchema(c);
      await session.close();
    },
  };
}

async function open(source: ConnectionSource, count: 1 | 2): Promise<Session> {
  if (source.kind === 'client') {
    return { control: source.client, migration: source.client, migrationPid: await pidOf(source.client), close: async () => undefined };
  }
  if (source.kind === 'pool') {
    const clients: PgPoolClient[] = [];
    try {
      for (let i = 0; i < count; i++) clients.push(await source.pool.connect());
    } catch (error) {
      for (const c of clients) c.release();
      throw error;
    }
    const migration = clients[count - 1];
    return {
      control: clients[0],
      migration,
      migrationPid: await pidOf(migration),
      close: async () => {
        // a session-level setting or lock must not leak back into the application's pool
        for (const c of clients) c.release(true);
      },
    };
  }
  const control = await connect(source.target);
  let migration = control;
  if (count === 2) {
    try {
      migration = await connect(source.target);
    } catch (error) {
      await control.end().catch(() => undefined);
      throw error;
    }
  }
  return {
    control,
    migration,
    migrationPid: await pidOf(migration),
    close: async () => {
      await control.end().catch(() => undefined);
      if (migration !== control) await migration.end().catch(() => undefined);
    },
  };
}

async function pidOf(client: PgClient): Promise<number> {
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  return rows[0].pid;
}
