import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createTestDatabase, serverUrl, type TestDatabase } from '../helpers/database.js';
import { BIN, type CliResult } from '../runner/helpers.js';

export { tempProject, type Project, type CliResult } from '../runner/helpers.js';

/** Environment of every child: no ambient connection settings, no colours. */
function childEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  for (const k of ['DATABASE_URL', 'PGHOST', 'PGPORT', 'PGUSER', 'PGPASSWORD', 'PGDATABASE', 'PGSERVICE', 'PGHOSTADDR', 'FORCE_COLOR', 'GITHUB_ACTIONS']) {
    if (!(k in extra)) delete env[k];
  }
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return env;
}

export interface RunningCli {
  child: ChildProcess;
  /** Resolves when the process has exited (after a kill too), with everything it printed. */
  done: Promise<CliResult & { signal: NodeJS.Signals | null }>;
}

/** Starts the built CLI without waiting for it, so a test can kill it or cut its connection. */
export function startCli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, env: childEnv(env) });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult & { signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr }));
  });
  return { child, done };
}

export function cli(args: string[], cwd: string, env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return startCli(args, cwd, env).done;
}

/**
 * Polls `probe` until it returns something other than undefined/false. The bound is generous (the
 * machine is small and loaded): it only keeps a broken test from hanging, it measures nothing.
 */
export async function until<T>(what: string, probe: () => Promise<T | undefined | false>, boundMs = 60_000): Promise<T> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what} after ${boundMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A database of its own, owned by a login role with a password, so that every run's output can be searched for it. */
export interface FaultDatabase {
  db: TestDatabase;
  /** Superuser connection to the test database (for checks and for faults). */
  admin: pg.Client;
  role: string;
  password: string;
  /** postgres://role:password@…/db — what the CLI is given. */
  url: string;
  /** Backends of the role (the runner's connections). */
  runnerBackends(): Promise<Array<{ pid: number; query: string; state: string | null; wait_event_type: string | null }>>;
  /** Advisory locks held or awaited in this database. */
  advisoryLocks(): Promise<number>;
  /** Waits until the server has noticed that the runner's connections are gone. */
  runnerGone(): Promise<void>;
  /** Drops the runner's schema and empties public, owned by the role again (`extra` runs first). */
  resetSchemas(extra?: string): Promise<void>;
  /** Fails when the password shows up in any output. */
  assertNoPassword(...outputs: string[]): void;
  drop(): Promise<void>;
}

export async function createFaultDatabase(prefix: string): Promise<FaultDatabase> {
  const role = `pgwarden_fault_${randomBytes(4).toString('hex')}`;
  const password = `pw-${randomBytes(9).toString('hex')}`;
  const server = new pg.Client({ connectionString: serverUrl() });
  await server.connect();
  try {
    await server.query(`create role ${role} login password '${password}'`);
  } finally {
    await server.end();
  }
  const db = await createTestDatabase(prefix);
  const admin = await db.client();
  // the owner of the database owns its public schema (PostgreSQL 15) and may create the pgwarden schema
  await admin.query(`alter database "${db.name}" owner to ${role}`);
  const u = new URL(db.url);
  u.username = role;
  u.password = password;
  const runnerBackends = async () =>
    (await admin.query('select pid, query, state, wait_event_type from pg_stat_activity where usename = $1 and datname = current_database()', [role])).rows;
  return {
    db,
    admin,
    role,
    password,
    url: u.toString(),
    runnerBackends,
    async advisoryLocks() {
      const { rows } = await admin.query("select count(*)::int as n from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())");
      return rows[0].n as number;
    },
    async runnerGone() {
      await until('the server to notice the dead runner', async () => (await runnerBackends()).length === 0);
    },
    async resetSchemas(extra = '') {
      await admin.query(`drop schema if exists pgwarden cascade; ${extra} drop schema public cascade; create schema public`);
      await admin.query(`alter schema public owner to ${role}`);
    },
    assertNoPassword(...outputs) {
      for (const o of outputs) if (o.includes(password)) throw new Error(`the password was printed: ${o}`);
    },
    async drop() {
      await db.drop();
      const s = new pg.Client({ connectionString: serverUrl() });
      await s.connect();
      try {
        await s.query(`drop role if exists ${role}`);
      } finally {
        await s.end();
      }
    },
  };
}

/** Lines of output that look like a JavaScript stack trace. */
export function stackLines(text: string): string[] {
  return text.split('\n').filter((l) => /^\s+at .+[:(]/.test(l));
}
