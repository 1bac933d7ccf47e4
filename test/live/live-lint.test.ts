import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, serverUrl, type TestDatabase } from '../helpers/database.js';

/**
 * lint against a real database: a 10-row and a 2-million-row table get the same non-concurrent CREATE
 * INDEX ranked differently, a hand-made table is drift, the connection is read-only (a role with only
 * CONNECT and pg_read_all_stats, while another session holds EXCLUSIVE locks on every table), and a
 * stats file gives the same findings as the connection.
 */
const bin = resolve(import.meta.dirname, '../../bin/pgwarden.js');

interface Finding { rule: string; severity: string; file: string; line: number; message: string }

function run(args: string[], cwd: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}
const findings = (stdout: string) => (JSON.parse(stdout) as { findings: Finding[] }).findings;

let db: TestDatabase;
let dir: string;
const role = `pgwarden_ro_${randomBytes(4).toString('hex')}`;
let roleUrl: string;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_live');
  const c = await db.client();
  await c.query(`
    CREATE TABLE small (id int PRIMARY KEY, x int);
    INSERT INTO small SELECT g, g FROM generate_series(1, 10) g;
    CREATE TABLE big (id bigint, x int);
    INSERT INTO big SELECT g, g % 1000 FROM generate_series(1, 2000000) g;
    CREATE TABLE handmade (note text);
    ANALYZE small; ANALYZE big;`);
  // counters from zero: the write rates (and the queue they predict) do not move between the runs compared
  await c.query('SELECT pg_stat_reset()');
  await c.query(`CREATE ROLE ${role} LOGIN; GRANT pg_read_all_stats TO ${role}; GRANT CONNECT ON DATABASE "${db.name}" TO ${role}`);
  const url = new URL(db.url);
  url.username = role;
  roleUrl = url.toString();
  dir = await mkdtemp(join(tmpdir(), 'pgwarden-live-'));
  await writeFile(join(dir, '001_tables.sql'), 'CREATE TABLE small (id int PRIMARY KEY, x int);\nCREATE TABLE big (id bigint, x int);\n');
  await writeFile(join(dir, '002_index.sql'), 'CREATE INDEX small_x ON small (x);\nCREATE INDEX big_x ON big (x);\n');
}, 60_000);

afterAll(async () => {
  await db?.drop();
  const admin = new pg.Client({ connectionString: serverUrl() });
  await admin.connect();
  await admin.query(`DROP ROLE IF EXISTS ${role}`).finally(() => admin.end());
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('lint --database-url', () => {
  let connected: Finding[];

  it('ranks the same CREATE INDEX by table size: info on 10 rows, an error with size and lock time on 2M', async () => {
    const r = await run(['lint', '-f', 'json', '--database-url', db.url, '.'], dir);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    connected = findings(r.stdout);
    const index = connected.filter((f) => f.rule === 'require-concurrent-index-creation');
    expect(index.map((f) => [f.line, f.severity])).toEqual([[1, 'info'], [2, 'error']]);
    expect(index[0].message).toMatch(/Small table \(under 10k rows\), public\.small: ~10 rows/);
    expect(index[1].message).toMatch(/Large table \(over 1M rows\), public\.big: ~2M rows, \d+(\.\d)? MB with indexes and TOAST; SHARE held ~\d+(\.\d+)? s \(index build at/);
    // without the database both are the rule's own error
    const offline = findings((await run(['lint', '-f', 'json', '.'], dir)).stdout).filter((f) => f.rule === 'require-concurrent-index-creation');
    expect(offline.map((f) => f.severity)).toEqual(['error', 'error']);
  });

  it('reports a table no migration creates as drift, and only that one', () => {
    const drift = connected.filter((f) => f.rule === 'schema-drift');
    expect(drift).toHaveLength(1);
    expect(drift[0].message).toMatch(/^Table public\.handmade \(~0 rows, .*\) exists in database pgwarden_live_\w+ but no migration creates it/);
  });

  it('needs only CONNECT and pg_read_all_stats, and takes no lock stronger than ACCESS SHARE', async () => {
    // EXCLUSIVE conflicts with every mode but ACCESS SHARE: any stronger lock (or a write) would wait
    // for it and fail on pgwarden's lock_timeout
    const holder = await db.client();
    await holder.query('BEGIN; LOCK TABLE small, big, handmade IN EXCLUSIVE MODE');
    try {
      const r = await run(['lint', '-f', 'json', '--database-url', roleUrl, '.'], dir);
      expect(r.stderr).toBe('');
      const mine = findings(r.stdout);
      // the same findings, except that the lock holder now shows as a session on each table
      expect(mine.map((f) => [f.rule, f.severity, f.line])).toEqual(connected.map((f) => [f.rule, f.severity, f.line]));
      expect(mine.find((f) => f.rule === 'schema-drift')?.message).toBe(connected.find((f) => f.rule === 'schema-drift')?.message);
    } finally {
      await holder.query('ROLLBACK');
    }
    // and the role really cannot write: the read-only proof is not the role's lack of rights alone
    const c = new pg.Client({ connectionString: roleUrl });
    await c.connect();
    try {
      await expect(c.query('INSERT INTO handmade VALUES ($1)', ['x'])).rejects.toThrow(/permission denied/);
    } finally {
      await c.end();
    }
  });

  it('stats dump, then lint --stats: the same findings, with the dump\'s age said', async () => {
    const dump = await run(['stats', 'dump', '--database-url', roleUrl], dir);
    expect(dump.status).toBe(0);
    expect(dump.stdout).not.toMatch(/INSERT|generate_series/);
    await writeFile(join(dir, 'db-stats.json'), dump.stdout);
    const offline = await run(['lint', '-f', 'json', '--stats', 'db-stats.json', '.'], dir);
    expect(offline.status).toBe(1);
    expect(offline.stderr).toMatch(/^pgwarden: table sizes of pgwarden_live_\w+ from db-stats\.json, taken \S+ \(\d+ minutes ago\)\n$/);
    expect(findings(offline.stdout)).toEqual(connected);

    // an old dump still works, with a warning
    const old = JSON.parse(dump.stdout) as { takenAt: string };
    old.takenAt = new Date(Date.now() - 30 * 86_400_000).toISOString();
    await writeFile(join(dir, 'old-stats.json'), JSON.stringify(old));
    const stale = await run(['lint', '-f', 'json', '--stats', 'old-stats.json', '.'], dir);
    expect(stale.stderr).toMatch(/\(30 days ago\)\npgwarden: warning: old-stats\.json is older than 7 days/);
    expect(findings(stale.stdout)).toEqual(connected);
  });

  it('--small-table and --large-table move the thresholds (rows or bytes)', async () => {
    const r = await run(['lint', '-f', 'json', '--stats', 'db-stats.json', '--small-table', '5', '--large-table', '1GB', '002_index.sql'], dir);
    const index = findings(r.stdout).filter((f) => f.rule === 'require-concurrent-index-creation');
    // 10 rows is no longer small, 2M rows (under 1 GB) no longer large: the rule's own severity, with the figures
    expect(index.map((f) => f.severity)).toEqual(['error', 'error']);
    expect(index[1].message).not.toMatch(/Large table/);
    expect(index[1].message).toMatch(/Public\.big: ~2M rows/);
    const bad = await run(['lint', '--stats', 'db-stats.json', '--small-table', 'lots', '.'], dir);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe("pgwarden: --small-table expects a row count (10000, 2M) or a size (64MB, 1GB), got 'lots'\n");
  });
});
