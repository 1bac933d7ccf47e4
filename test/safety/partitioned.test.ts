import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createRunner } from '../../src/runner/runner.js';
import { MigrationFailedError } from '../../src/runner/execute.js';
import { safetyHooks } from '../../src/safety/hooks.js';
import { tempProject, type Project } from '../runner/helpers.js';
import { captureLogger } from './helpers.js';

// A partitioned table keeps its rows in its partitions: a pg_dump backup of the parent alone has no data.
let db: TestDatabase;
let client: pg.Client;
let project: Project;
let backupDir: string;

const rows = async () => (await client.query<{ n: number; sum: number }>('select count(*)::int as n, coalesce(sum(v), 0)::int as sum from measurements')).rows[0];

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_safety_partitioned');
  client = await db.client();
  await client.query(`
    CREATE TABLE measurements (id bigint NOT NULL, at date NOT NULL, v int NOT NULL, PRIMARY KEY (id, at, v)) PARTITION BY RANGE (at);
    CREATE TABLE measurements_2026_01 PARTITION OF measurements FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
    CREATE TABLE measurements_2026_02 PARTITION OF measurements FOR VALUES FROM ('2026-02-01') TO ('2026-03-01') PARTITION BY LIST (v);
    CREATE TABLE measurements_2026_02_low PARTITION OF measurements_2026_02 FOR VALUES IN (1, 2, 3);
    CREATE TABLE measurements_2026_02_rest PARTITION OF measurements_2026_02 DEFAULT;
    INSERT INTO measurements SELECT g, date '2026-01-01' + (g % 59), 1 + g % 200 FROM generate_series(1, 600) g;
  `);
  project = await tempProject();
  backupDir = await mkdtemp(join(tmpdir(), 'pgwarden-partitioned-'));
});
afterAll(async () => {
  await project?.remove();
  if (backupDir) await rm(backupDir, { recursive: true, force: true });
  await db?.drop();
});

const runner = (log = captureLogger()) => createRunner({ databaseUrl: db.url, dir: project.dir, logger: log, hooks: [safetyHooks({ backup: 'targeted', backupDir })] });

describe('safety net on a partitioned table', () => {
  it('rolls back an undeclared DELETE, naming the partitions that lost rows', async () => {
    const before = await rows();
    await project.write('0001_trim.sql', 'DELETE FROM measurements WHERE v > 190;\n');
    const failed = await runner().up().catch((e: unknown) => e);
    await rm(join(project.dir, '0001_trim.sql'));
    expect(failed).toBeInstanceOf(MigrationFailedError);
    const message = String((failed as Error).message);
    expect(message).toMatch(/public\.measurements_2026_01: 320 rows before, 300 rows after by DELETE at line 1: DELETE FROM measurements WHERE v > 190/);
    // the directive names the partitioned table the migration names, not its partitions
    expect(message).toContain('add "-- pgwarden:allow-data-loss public.measurements" to the migration');
    expect(await rows()).toEqual(before);
  });

  it('backs up the partitions\' rows for a declared DELETE, and `backups restore` puts every one back', async () => {
    const before = await rows();
    await project.write('0002_purge.sql', '-- pgwarden:allow-data-loss measurements\nDELETE FROM measurements WHERE v < 100;\n');
    const log = captureLogger();
    await runner(log).up();
    expect((await rows()).n).toBeLessThan(before.n);
    const [manifestFile] = (await readdir(backupDir)).filter((f) => f.endsWith('.json'));
    const manifest = JSON.parse(await readFile(join(backupDir, manifestFile), 'utf8')) as { id: string; tables: Array<{ name: string; rows: number }> };
    expect(manifest.tables.map((t) => t.name).sort()).toEqual(['public.measurements_2026_01', 'public.measurements_2026_02_low', 'public.measurements_2026_02_rest']);
    expect(manifest.tables.reduce((n, t) => n + t.rows, 0)).toBe(before.n);
    const restore = spawnSync(process.execPath, [resolve(import.meta.dirname, '../../bin/pgwarden.js'), 'backups', 'restore', manifest.id, '--backup-dir', backupDir, '--database-url', db.url, '--yes'], { encoding: 'utf8', input: '' });
    expect(restore.stderr + restore.stdout).toContain('un-applied 0002_purge');
    expect(restore.status, restore.stderr).toBe(0);
    expect(await rows()).toEqual(before);
    await rm(join(project.dir, '0002_purge.sql'));
  });

  it('undoes a failed no-transaction migration on a partitioned table from its before-images', async () => {
    const before = (await client.query('select string_agg(id || \':\' || v, \',\' order by id) as rows from measurements')).rows[0].rows as string;
    await project.write('0003_shift.sql', '-- pgwarden:no-transaction\n-- pgwarden:allow-data-loss measurements\nDELETE FROM measurements WHERE v = 7;\nUPDATE measurements SET v = v + 1000 WHERE at < \'2026-01-15\';\nSELECT 1 / 0;\n');
    const log = captureLogger();
    const failed = await runner(log).up().catch((e: unknown) => e);
    await rm(join(project.dir, '0003_shift.sql'));
    expect(failed).toBeInstanceOf(MigrationFailedError);
    expect(log.events.find((e) => e.event === 'restore.done'), log.text()).toBeDefined();
    expect((await client.query('select string_agg(id || \':\' || v, \',\' order by id) as rows from measurements')).rows[0].rows).toBe(before);
  });
});
