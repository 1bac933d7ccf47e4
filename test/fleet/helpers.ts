import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { serverUrl } from '../helpers/database.js';
import { BIN } from '../runner/helpers.js';

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** `--log-format json` lines of stdout, parsed. */
  events: Array<Record<string, unknown>>;
}

/** A fleet command of the built CLI, as a child process; `onEvent` sees each JSON event as it comes. */
export function fleetCli(
  args: string[],
  options: { cwd: string; env: Record<string, string>; onEvent?: (event: Record<string, unknown>, child: ChildProcess) => void },
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
    delete env.DATABASE_URL;
    const child = spawn(process.execPath, [BIN, 'fleet', ...args], { cwd: options.cwd, env });
    let stdout = '';
    let stderr = '';
    let pending = '';
    const events: Array<Record<string, unknown>> = [];
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      pending += d.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.startsWith('{')) continue;
        const event = JSON.parse(line) as Record<string, unknown>;
        events.push(event);
        options.onEvent?.(event, child);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr, events }));
  });
}

export interface FleetProject {
  cwd: string;
  write(file: string, text: string): Promise<void>;
  remove(): Promise<void>;
}

export async function fleetProject(migrations: Record<string, string>): Promise<FleetProject> {
  const cwd = await mkdtemp(join(tmpdir(), 'pgwarden-fleet-'));
  await mkdir(join(cwd, 'migrations'));
  const write = (file: string, text: string) => writeFile(join(cwd, file), text);
  for (const [name, sql] of Object.entries(migrations)) await write(join('migrations', name), sql);
  return { cwd, write, remove: () => rm(cwd, { recursive: true, force: true }) };
}

function urlOf(database: string): string {
  const url = new URL(serverUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface DatabaseFleet {
  /** LIKE pattern matching the fleet's databases only. */
  match: string;
  names: string[];
  serverUrl: string;
  url(name: string): string;
  query<T extends pg.QueryResultRow>(name: string, sql: string, params?: unknown[]): Promise<T[]>;
  drop(): Promise<void>;
}

/**
 * `count` databases copied from one prepared template (CREATE DATABASE … TEMPLATE is fast), all dropped
 * by drop() — call it in afterAll so that a failing test leaves none behind.
 */
export async function createDatabaseFleet(count: number, prepare = ''): Promise<DatabaseFleet> {
  const prefix = `pgwarden_tf_${randomBytes(3).toString('hex')}`;
  const template = `${prefix}_tmpl`;
  const names = Array.from({ length: count }, (_, i) => `${prefix}_db${String(i + 1).padStart(3, '0')}`);
  const created: string[] = [];
  // concurrently: each DROP DATABASE waits for a checkpoint, and concurrent ones share it (35 s → 4 s for 20)
  const drop = async () => {
    const copies = created.filter((n) => n !== template);
    let next = 0;
    const worker = () =>
      admin(async (c) => {
        while (next < copies.length) await c.query(`DROP DATABASE IF EXISTS "${copies[next++]}" WITH (FORCE)`);
      });
    await Promise.all(Array.from({ length: Math.min(10, copies.length) }, worker));
    if (created.includes(template)) await admin((c) => c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`));
  };
  try {
    await admin(async (c) => {
      await c.query(`CREATE DATABASE "${template}"`);
      created.push(template);
      if (prepare) {
        const t = new pg.Client({ connectionString: urlOf(template) });
        await t.connect();
        await t.query(prepare).finally(() => t.end());
      }
      for (const name of names) {
        await c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
        created.push(name);
      }
    });
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return {
    match: `${prefix}_db%`,
    names,
    serverUrl: serverUrl(),
    url: urlOf,
    async query(name, sql, params) {
      const c = new pg.Client({ connectionString: urlOf(name) });
      await c.connect();
      try {
        return (await c.query(sql, params)).rows;
      } finally {
        await c.end();
      }
    },
    drop,
  };
}

/** The schema of `count` tenants in one database: `tenant_001` … */
export function tenantNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `tenant_${String(i + 1).padStart(3, '0')}`);
}

export async function createSchemas(client: pg.ClientBase, names: readonly string[]): Promise<void> {
  await client.query(`DO $$ DECLARE n text; BEGIN FOREACH n IN ARRAY ${pgArray(names)} LOOP EXECUTE format('CREATE SCHEMA %I', n); END LOOP; END $$`);
}

function pgArray(names: readonly string[]): string {
  return `ARRAY[${names.map((n) => `'${n.replace(/'/g, "''")}'`).join(',')}]::text[]`;
}

/** Events of one type from a JSON log. */
export function eventsOf(run: CliRun, event: string): Array<Record<string, unknown>> {
  return run.events.filter((e) => e.event === event);
}
