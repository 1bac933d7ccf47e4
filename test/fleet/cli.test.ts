import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { runCli, withPassword } from '../runner/helpers.js';
import { createSchemas, eventsOf, fleetCli, fleetProject, tenantNames, type FleetProject } from './helpers.js';

// Shards, pauses, the lint gate and usage errors, on a small fleet of tenant schemas.
const PASSWORD = 'Sm4ll-fl33t';
const TENANTS = tenantNames(12);
let db: TestDatabase;
let admin: pg.Client;
let project: FleetProject;
let env: Record<string, string>;

const FLEET = `migrations: ./migrations
targets:
  schemas: { url: $FLEET_URL, match: "tenant_%", exclude: [tenant_012] }
waves:
  - { name: canary, targets: [tenant_003] }
  - { percent: 50, parallel: 2, pause: true }
  - { percent: 100, parallel: 4 }
backup: snapshot
`;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_fleet_cli');
  admin = await db.client();
  await createSchemas(admin, TENANTS);
  project = await fleetProject({ '0001_items.sql': 'CREATE TABLE items (id bigint PRIMARY KEY, name text);\n' });
  await project.write('fleet.yaml', FLEET);
  // a health command gets the wave and its targets in its environment
  await project.write('shards.yaml', `${FLEET.replace(', pause: true', '')}health: { command: 'test -n "$PGWARDEN_FLEET_TARGETS" && echo "checked $PGWARDEN_FLEET_WAVE"' }\n`);
  env = { FLEET_URL: withPassword(db.url, PASSWORD) };
});
afterAll(async () => {
  await project?.remove();
  await db?.drop();
});

const fleet = (...args: string[]) => fleetCli(args, { cwd: project.cwd, env });

async function applied(): Promise<Record<string, number>> {
  const { rows } = await admin.query<{ s: string; n: number }>(
    `select n.nspname as s, (select count(*)::int from pg_class c where c.relnamespace = n.oid and c.relname = 'migrations') as n
       from pg_namespace n where n.nspname like 'pgwarden\\_tenant\\_%' order by 1`,
  );
  return Object.fromEntries(rows.map((r) => [r.s.replace('pgwarden_', ''), r.n]));
}

describe('pgwarden fleet (CLI)', { timeout: 120_000 }, () => {
  it('refuses a bad fleet file, a missing variable or an unsafe migration in one line, before touching any target', async () => {
    await project.write('bad.yaml', FLEET.replace('percent: 50', 'percent: 50, paralel: 2'));
    const bad = await fleet('up', '--fleet', 'bad.yaml');
    expect([bad.code, bad.stderr]).toEqual([2, 'pgwarden: bad.yaml: waves[1].paralel: unknown key\n']);

    await project.write('migrations/0002_drop.sql', 'DROP TABLE items;\n');
    const refused = await fleet('up', '--yes');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('ban-drop-table');
    expect(refused.stderr).toMatch(/\npgwarden: lint gate: 1 error finding in pending migrations; nothing was applied to any target of fleet\.yaml \(fix them, suppress each with a reason, or set allow_unsafe: true in the fleet file\)\n$/);
    expect(await applied()).toEqual({});
    expect(existsSync(join(project.cwd, '.pgwarden/fleet/fleet.journal.jsonl'))).toBe(false);
    await project.write('migrations/0002_drop.sql', '-- nothing to drop after all\nSELECT 1;\n');
  });

  it('pauses before a wave marked pause when no one can answer, and resumes with --yes', async () => {
    const plan = await fleet('plan');
    expect(plan.stdout).toMatch(/^fleet\.yaml: 11 target\(s\) \(schemas matching 'tenant_%' \(except tenant_012\)\); 2 migration\(s\), latest 0002_drop; 22 to apply\n/);
    expect(plan.stdout).toContain('wave 2 50%: 5 target(s), 2 at a time; pause before it\n');
    const paused = await fleet('up');
    expect(paused.code).toBe(0);
    expect(paused.stdout).toContain('paused before wave 50%: run `pgwarden fleet resume` to start it');
    expect(paused.stdout).toMatch(/rollout \S+ paused before wave 50%: 1 target\(s\) at 0002_drop, 10 not started, in /);
    expect(Object.keys(await applied())).toEqual(['tenant_003']);
    const resumed = await fleet('resume', '--yes');
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stdout).toMatch(/rollout \S+ done: 11 target\(s\) at 0002_drop/);
    expect(Object.keys(await applied())).toHaveLength(11);
    expect(resumed.stdout + resumed.stderr + readFileSync(join(project.cwd, '.pgwarden/fleet/fleet.journal.jsonl'), 'utf8')).not.toContain(PASSWORD);
    const nothing = await fleet('resume');
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/nothing to resume in \.pgwarden\/fleet\/fleet\.journal\.jsonl: rollout \S+ finished/);
  });

  it('splits the fleet into shards once the canary is done, and merges the shard journals into one status', async () => {
    await project.write('migrations/0003_price.sql', 'ALTER TABLE items ADD COLUMN price numeric;\n');
    const early = await fleet('up', '--fleet', 'shards.yaml', '--shard', '1/2');
    expect(early.code).toBe(2);
    expect(early.stderr).toBe('pgwarden: wave canary is not done (tenant_003 is at 0002_drop): shards do not run named waves; run `pgwarden fleet up --fleet shards.yaml --waves canary` before the shards\n');
    const canary = await fleet('up', '--fleet', 'shards.yaml', '--waves', 'canary', '--log-format', 'json');
    expect(eventsOf(canary, 'fleet.target').map((e) => e.target)).toEqual(['tenant_003']);
    const [one, two] = await Promise.all([fleet('up', '--fleet', 'shards.yaml', '--shard', '1/2', '--log-format', 'json'), fleet('up', '--fleet', 'shards.yaml', '--shard', '2/2', '--log-format', 'json')]);
    expect([one.code, two.code]).toEqual([0, 0]);
    expect(eventsOf(one, 'fleet.health_ok')[0]?.message).toBe('wave 50%: healthy (health command passed: checked 50%)');
    const a = eventsOf(one, 'fleet.target').map((e) => e.target as string);
    const b = eventsOf(two, 'fleet.target').map((e) => e.target as string);
    expect(a.length).toBeGreaterThan(0);
    expect(b.length).toBeGreaterThan(0);
    expect([...a, ...b, 'tenant_003'].sort()).toEqual(TENANTS.slice(0, 11));
    for (const f of ['shards.journal.jsonl', 'shards.journal.shard-1-of-2.jsonl', 'shards.journal.shard-2-of-2.jsonl']) expect(existsSync(join(project.cwd, '.pgwarden/fleet', f)), f).toBe(true);

    const merged = await fleet('status', '--fleet', 'shards.yaml', '--journal-only');
    expect(merged.stdout).toContain('11 target(s) from the journals only (3), latest 0003_price: 11 current');
    expect(merged.stdout).toMatch(/shard 1\/2 \S+: done/);
  });

  it('ctrl-c (SIGINT) records where the rollout stopped; resume finishes it', async () => {
    await project.write('migrations/0004_slow.sql', 'ALTER TABLE items ADD COLUMN note text;\nSELECT pg_sleep(0.3);\n');
    const interrupted = await fleetCli(['up', '--fleet', 'shards.yaml', '--log-format', 'json'], {
      cwd: project.cwd,
      env,
      onEvent: (event, child) => {
        if (event.event === 'fleet.target' && event.wave === '50%') child.kill('SIGINT');
      },
    });
    expect(interrupted.code).toBe(130);
    expect(interrupted.stderr).toMatch(/^pgwarden: interrupted \(SIGINT\) during wave 50%: stopped; \d+ target\(s\) were migrating \(.*\): their transactions roll back as the connections close; `pgwarden fleet resume` continues where this stopped/);
    const journal = readFileSync(join(project.cwd, '.pgwarden/fleet/shards.journal.jsonl'), 'utf8');
    expect(journal).toMatch(/"type":"end","state":"interrupted","detail":"SIGINT during wave 50%; running: tenant_/);
    expect(existsSync(join(project.cwd, '.pgwarden/fleet/shards.journal.jsonl.lock'))).toBe(false);
    const resumed = await fleet('resume', '--fleet', 'shards.yaml');
    expect(resumed.code, resumed.stderr).toBe(0);
    const { rows } = await admin.query<{ n: number }>(
      TENANTS.slice(0, 11).map((t) => `select count(*)::int as n from pgwarden_${t}.migrations where name = '0004_slow'`).join(' union all '),
    );
    expect(rows.map((r) => r.n)).toEqual(Array(11).fill(1));
  });

  it('pgwarden migrate --schema runs one tenant the way the fleet does', async () => {
    const up = await runCli(['migrate', 'up', '--schema', 'tenant_012', '--dir', 'migrations', '--backup', 'none'], { cwd: project.cwd, env: { DATABASE_URL: db.url } });
    expect(up.code, up.stderr).toBe(0);
    expect((await admin.query("select to_regclass('tenant_012.items') as t")).rows[0].t).toBe('tenant_012.items');
    expect((await applied()).tenant_012).toBe(1);
    const { rows } = await admin.query<{ name: string }>('select name from pgwarden_tenant_012.migrations order by name');
    expect(rows.map((r) => r.name)).toEqual(['0001_items', '0002_drop', '0003_price', '0004_slow']);
  });
});
