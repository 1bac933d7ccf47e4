import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/** `migrate plan` shows, beside each lock on an existing table, its size, the estimated hold time and the queue. */
const bin = resolve(import.meta.dirname, '../../bin/pgwarden.js');
let db: TestDatabase;
let dir: string;

const run = (args: string[]) => spawnSync(process.execPath, [bin, ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_plan_costs');
  dir = await mkdtemp(join(tmpdir(), 'pgwarden-plan-costs-'));
  await writeFile(join(dir, '001_events.sql'), 'CREATE TABLE events (id bigint, kind int);\nINSERT INTO events SELECT g, g % 10 FROM generate_series(1, 200000) g;\n');
  await writeFile(join(dir, '002_index.sql'), 'CREATE INDEX events_kind ON events (kind);\n');
  // a throughput of 1 MiB/s for everything: the estimate is the heap's MiB in seconds
  await writeFile(join(dir, 'cal.json'), JSON.stringify({ rewriteBytesPerSecond: 1048576, indexBytesPerSecond: 1048576, scanBytesPerSecond: 1048576, source: 'calibrated' }));
  const up = run(['migrate', 'up', '--dir', '.', '--database-url', db.url, '--to', '001_events', '--backup', 'none']);
  expect(up.status).toBe(0);
  const c = await db.client();
  await c.query('ANALYZE events');
}, 60_000);

afterAll(async () => {
  await db?.drop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('migrate plan with the live database', () => {
  it('prints rows, size, the estimated lock time and the writes that would queue', async () => {
    const c = await db.client();
    // the planner's pages of the heap and its TOAST table (no lock needed to read them)
    const heap = Number((await c.query<{ b: string }>("SELECT (c.relpages + coalesce(t.relpages, 0)) * current_setting('block_size')::int AS b FROM pg_class c LEFT JOIN pg_class t ON t.oid = c.reltoastrelid WHERE c.oid = 'events'::regclass")).rows[0].b);
    const r = run(['migrate', 'plan', '--dir', '.', '--database-url', db.url, '--calibration', 'cal.json']);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    const at = lines.findIndex((l) => l.startsWith('  locks:   public.events ShareLock'));
    expect(at).toBeGreaterThan(0);
    const seconds = heap / 1048576;
    expect(lines[at + 1]).toMatch(new RegExp(`^ {11}~200k rows, [\\d.]+ MB; held ~${seconds.toFixed(1).replace('.', '\\.')} s \\(index build at 1\\.0 MB/s, calibrated\\); 0 sessions use it now; queued behind it: writes ~[\\d.k]+/s`));

    const json = JSON.parse(run(['migrate', 'plan', '--dir', '.', '--database-url', db.url, '--calibration', 'cal.json', '--format', 'json']).stdout) as { migrations: Array<{ locks: Array<{ cost?: { seconds: number; rows: number; work: string } }> }> };
    const cost = json.migrations[0].locks[0].cost!;
    expect(cost.work).toBe('index build');
    expect(cost.rows).toBe(200000);
    expect(cost.seconds).toBeCloseTo(seconds, 6);
  });
});
