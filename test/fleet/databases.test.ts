import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withPassword } from '../runner/helpers.js';
import { parseFleetConfig } from '../../src/fleet/config.js';
import { planWaves } from '../../src/fleet/waves.js';
import { createDatabaseFleet, eventsOf, fleetCli, fleetProject, type DatabaseFleet, type FleetProject } from './helpers.js';

// A fleet of 50 databases on one server (a database per tenant), rolled out by the built CLI.
const PASSWORD = 'Db-fl33t-pw';
let fleet: DatabaseFleet;
let project: FleetProject;
let env: Record<string, string>;
let waves: string[][];

const fleetFile = (onError: string, backup = 'snapshot') => `migrations: ./migrations
targets:
  databases: { url: $FLEET_URL, match: "MATCH" }
waves:
  - { name: canary, targets: [CANARY] }
  - { percent: 25, parallel: 4 }
  - { percent: 100, parallel: 8 }
${onError}
backup: ${backup}
`;

// Runs outside a transaction, so a failure half-way leaves work behind that only the backup undoes.
const FAILING = `-- pgwarden:no-transaction
CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);
UPDATE orders SET note = upper(note) WHERE id > 0;
ALTER TABLE orders ADD CONSTRAINT orders_note_ok CHECK (note <> 'BAD') NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_note_ok;
INSERT INTO applied_log VALUES ('0003');
`;

beforeAll(async () => {
  fleet = await createDatabaseFleet(50, "CREATE TABLE orders (id bigint PRIMARY KEY, note text); INSERT INTO orders SELECT g, 'n' || g FROM generate_series(1, 20) g;");
  project = await fleetProject({
    '0001_log.sql': "CREATE TABLE applied_log (migration text NOT NULL);\nINSERT INTO applied_log VALUES ('0001');\n",
    '0002_status.sql': "ALTER TABLE orders ADD COLUMN status text;\nINSERT INTO applied_log VALUES ('0002');\n",
  });
  const canary = fleet.names[6];
  await project.write('fleet.yaml', fleetFile('on_error: halt').replace('MATCH', fleet.match).replace('CANARY', canary));
  await project.write('continue.yaml', fleetFile('on_error: continue\nmax_failures: 5').replace('MATCH', fleet.match).replace('CANARY', canary));
  // the rollouts that are not about restores take no backup: cheaper, and the same waves
  await project.write('plain.yaml', fleetFile('on_error: halt', 'none').replace('MATCH', fleet.match).replace('CANARY', canary));
  const server = new URL(withPassword(fleet.serverUrl, PASSWORD));
  env = { FLEET_URL: server.toString() };
  waves = planWaves(fleet.names, parseFleetConfig(readFileSync(join(project.cwd, 'fleet.yaml'), 'utf8'), 'fleet.yaml', env).waves).map((w) => w.members);
});
afterAll(async () => {
  await project?.remove();
  await fleet?.drop();
});

async function log(name: string): Promise<string> {
  const rows = await fleet.query<{ m: string }>(name, "select string_agg(migration, ',' order by migration) as m from applied_log");
  return rows[0].m;
}

async function everyLog(): Promise<Map<string, string>> {
  return new Map(await Promise.all(fleet.names.map(async (n) => [n, await log(n)] as const)));
}

/** Rows, index and check of orders: what a restore must bring back exactly. */
async function ordersState(name: string): Promise<string> {
  const [rows] = await fleet.query<{ sum: string; idx: string | null; con: number; attempts: number }>(
    name,
    `select md5(string_agg(id || ':' || note, ',' order by id)) as sum, to_regclass('orders_note_idx')::text as idx,
            (select count(*)::int from pg_constraint where conname = 'orders_note_ok') as con,
            (select count(*)::int from pgwarden.migration_attempts) as attempts from orders`,
  );
  return JSON.stringify(rows);
}

describe('fleet of 50 databases', { timeout: 240_000 }, () => {
  it('rolls out canary then waves to every database', async () => {
    const run = await fleetCli(['up', '--fleet', 'plain.yaml', '--log-format', 'json'], { cwd: project.cwd, env });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain(PASSWORD);
    const targets = eventsOf(run, 'fleet.target');
    expect(targets.map((e) => e.target)).toHaveLength(50);
    expect(targets[0]).toMatchObject({ target: fleet.names[6], wave: 'canary', state: 'done' });
    expect(eventsOf(run, 'fleet.wave').map((e) => [e.wave, e.targets])).toEqual([
      ['canary', 1],
      ['25%', 12],
      ['100%', 37],
    ]);
    // discovered by the pattern, in the waves the plan shows
    expect(targets.slice(1, 13).map((e) => e.target).sort()).toEqual([...waves[1]].sort());
    const logs = await everyLog();
    expect([...logs.values()].every((m) => m === '0001,0002')).toBe(true);
    expect(readFileSync(join(project.cwd, '.pgwarden/fleet/plain.journal.jsonl'), 'utf8')).not.toContain(PASSWORD);
  });

  it('on_error: halt stops the wave at a failing target, which is restored; the rest of the wave is not started', async () => {
    const failing = waves[2].slice(0, 3);
    for (const n of failing) await fleet.query(n, "update orders set note = 'bad' where id = 5");
    const before = new Map(await Promise.all(failing.map(async (n) => [n, await ordersState(n)] as const)));
    await project.write('migrations/0003_note_check.sql', FAILING);
    const run = await fleetCli(['up', '--log-format', 'json'], { cwd: project.cwd, env });
    expect(run.code).toBe(1);
    const failed = eventsOf(run, 'fleet.target').filter((e) => e.state === 'failed');
    expect(failed.length).toBeGreaterThanOrEqual(1);
    for (const e of failed) {
      expect(failing).toContain(e.target);
      expect(e).toMatchObject({ migration: '0003_note_check', restored: true });
      expect(await ordersState(e.target as string)).toBe(before.get(e.target as string));
    }
    expect(run.events.filter((e) => e.event === 'restore.done').length).toBe(failed.length);
    const halted = eventsOf(run, 'fleet.halted')[0];
    expect(halted?.message).toMatch(/^wave 100% halted \(on_error: halt\): failed .*; \d+ target\(s\) of the wave not started$/);
    const logs = await everyLog();
    const untouched = waves[2].filter((n) => logs.get(n) === '0001,0002' && !failing.includes(n));
    expect(untouched.length).toBeGreaterThan(20);
    expect(waves[1].every((n) => logs.get(n) === '0001,0002,0003')).toBe(true);
  });

  it('on_error: continue finishes the others; the 3 failing targets are restored and reported, failures first in status', async () => {
    const failing = waves[2].slice(0, 3);
    const before = new Map(await Promise.all(failing.map(async (n) => [n, await ordersState(n)] as const)));
    const run = await fleetCli(['up', '--fleet', 'continue.yaml', '--log-format', 'json'], { cwd: project.cwd, env });
    expect(run.code).toBe(1);
    const failed = eventsOf(run, 'fleet.target').filter((e) => e.state === 'failed');
    expect(failed.map((e) => e.target).sort()).toEqual([...failing].sort());
    for (const n of failing) expect(await ordersState(n)).toBe(before.get(n));
    const end = eventsOf(run, 'fleet.end')[0];
    expect(end?.message).toMatch(/rollout \S+ done: 47 target\(s\) at 0003_note_check, 3 failed/);
    const logs = await everyLog();
    expect(fleet.names.filter((n) => logs.get(n) !== '0001,0002,0003').sort()).toEqual([...failing].sort());

    const status = await fleetCli(['status', '--fleet', 'continue.yaml'], { cwd: project.cwd, env });
    const lines = status.stdout.split('\n');
    expect(lines[0]).toMatch(/^TARGET\s+STATE\s+VERSION\s+PENDING\s+LAST RUN\s+DETAIL$/);
    for (const line of lines.slice(1, 4)) {
      expect(line).toMatch(/ failed +0002_status +1 +\S+ +migration 0003_note_check failed: check constraint "orders_note_ok" .* \(restored from its backup\)$/);
    }
    expect(status.stdout).toContain('50 target(s) from each target\'s history, latest 0003_note_check: 3 failed, 47 current');

    // the halted rollout, once the data is fixed, resumes at its wave and finishes
    for (const n of failing) await fleet.query(n, "update orders set note = 'fine' where id = 5");
    const resumed = await fleetCli(['resume', '--log-format', 'json'], { cwd: project.cwd, env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(eventsOf(resumed, 'fleet.wave').map((e) => e.wave)).toEqual(['100%']);
    expect([...(await everyLog()).values()].every((m) => m === '0001,0002,0003')).toBe(true);
  });

  it('a killed rollout (SIGKILL of the CLI mid-wave) resumes where it stopped and applies no migration twice', async () => {
    await project.write('migrations/0004_backfill.sql', "UPDATE orders SET status = 'new' WHERE status IS NULL;\nINSERT INTO applied_log VALUES ('0004');\nSELECT pg_sleep(0.05);\n");
    let finished = 0;
    const killed = await fleetCli(['up', '--fleet', 'plain.yaml', '--log-format', 'json'], {
      cwd: project.cwd,
      env,
      onEvent: (event, child) => {
        if (event.event === 'fleet.target' && event.wave === '100%' && ++finished === 8) child.kill('SIGKILL');
      },
    });
    expect(killed.signal).toBe('SIGKILL');
    const records = readFileSync(join(project.cwd, '.pgwarden/fleet/plain.journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, string>);
    const rollout = records.filter((r) => r.type === 'rollout').at(-1)!.rollout;
    const last = new Map<string, Record<string, string>>();
    for (const r of records) if (r.rollout === rollout && r.type === 'target') last.set(r.target, r);
    const inFlight = [...last.values()].filter((r) => r.state === 'running').map((r) => r.target);
    expect(inFlight.length).toBeGreaterThan(0);
    // the journal never claims more than a target's history holds
    for (const r of [...last.values()].filter((x) => x.state === 'done')) expect(await log(r.target), r.target).toBe('0001,0002,0003,0004');

    const resumed = await fleetCli(['resume', '--fleet', 'plain.yaml', '--log-format', 'json'], { cwd: project.cwd, env });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(eventsOf(resumed, 'fleet.wave').map((e) => e.wave)).toEqual(['100%']);
    expect(eventsOf(resumed, 'fleet.target').map((e) => e.target)).toEqual(expect.arrayContaining(inFlight));
    const logs = await everyLog();
    expect(fleet.names.filter((n) => logs.get(n) !== '0001,0002,0003,0004')).toEqual([]);
  });
});
