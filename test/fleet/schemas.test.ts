import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { withPassword } from '../runner/helpers.js';
import { planWaves } from '../../src/fleet/waves.js';
import { parseFleetConfig } from '../../src/fleet/config.js';
import { createSchemas, eventsOf, fleetCli, fleetProject, tenantNames, type FleetProject } from './helpers.js';

// A fleet of 200 tenant schemas in one database, rolled out by the built CLI as a user runs it.
const PASSWORD = 'Fl33t-s3cret';
const TENANTS = tenantNames(200);
let db: TestDatabase;
let admin: pg.Client;
let project: FleetProject;
let env: Record<string, string>;

const FLEET = `migrations: ./migrations
targets:
  schemas: { url: $FLEET_URL, match: "tenant_%" }
waves:
  - { name: canary, targets: [tenant_007] }
  - { percent: 25, parallel: 4 }
  - { percent: 100, parallel: 8 }
on_error: halt
health: "select count(*) = 0 from pg_stat_activity where wait_event_type = 'Lock' and application_name = 'pgwarden' and now() - query_start > interval '30 seconds'"
backup: none
lock_timeout: 200ms
lock_retries: 30
`;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_fleet_schemas');
  admin = await db.client();
  await createSchemas(admin, [...TENANTS, 'shared']);
  // tenants that already hold data: each schema has its orders
  await admin.query(`DO $$ DECLARE n text; BEGIN FOR n IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%' LOOP
    EXECUTE format('CREATE TABLE %I.orders (id bigint PRIMARY KEY, note text); INSERT INTO %I.orders SELECT g, ''n'' || g FROM generate_series(1, 10) g', n, n);
  END LOOP; END $$`);
  project = await fleetProject({
    '0001_log.sql': "CREATE TABLE applied_log (migration text NOT NULL);\nINSERT INTO applied_log VALUES ('0001');\n",
    '0002_status.sql': "ALTER TABLE orders ADD COLUMN status text;\nINSERT INTO applied_log VALUES ('0002');\n",
  });
  await project.write('fleet.yaml', FLEET);
  env = { FLEET_URL: withPassword(db.url, PASSWORD) };
});
afterAll(async () => {
  await project?.remove();
  await db?.drop();
});

/** Count of each migration in each tenant's applied_log: once per migration, or a double application. */
async function appliedCounts(): Promise<Map<string, string>> {
  const parts = TENANTS.map((t) => `select '${t}' as tenant, string_agg(migration || ':' || n, ',' order by migration) as counts from (select migration, count(*) as n from ${t}.applied_log group by 1) x`);
  const { rows } = await admin.query<{ tenant: string; counts: string }>(parts.join(' union all '));
  return new Map(rows.map((r) => [r.tenant, r.counts]));
}

describe('fleet of 200 tenant schemas', { timeout: 240_000 }, () => {
  it('rolls out canary then waves to every schema, 8 at a time with no tenant waiting for another, past a blocked tenant', async () => {
    const config = parseFleetConfig(FLEET, 'fleet.yaml', env);
    const waves = planWaves(TENANTS, config.waves);
    const blocked = waves[2].members[3];
    // an application's long report holds the blocked tenant's table: its migration must wait politely (lock_timeout + retry)
    const report = await db.client();
    await report.query("set application_name = 'app-report'");
    const sampler = new pg.Client({ connectionString: db.url });
    await sampler.connect();
    const seen = { maxSessions: 0, crossTenantWaits: [] as string[], waitsOnReport: 0 };
    let sampling = true;
    const sampling$ = (async () => {
      while (sampling) {
        const { rows } = await sampler.query<{ waiter: string; blocker: string; sessions: number }>(
          `select w.application_name as waiter, b.application_name as blocker, (select count(*)::int from pg_stat_activity where datname = current_database() and application_name = 'pgwarden') as sessions
             from pg_stat_activity w cross join lateral unnest(pg_blocking_pids(w.pid)) as bp(pid) join pg_stat_activity b on b.pid = bp.pid
            where w.datname = current_database()
              -- a relation extension lock ('extend') on a shared catalog is held for the microseconds it takes to
              -- add a page to pg_class or pg_attribute: every concurrent CREATE TABLE meets it, it is not a tenant's lock
              and exists (select 1 from pg_locks l where l.pid = w.pid and not l.granted and l.locktype <> 'extend')
           union all select null, null, (select count(*)::int from pg_stat_activity where datname = current_database() and application_name = 'pgwarden')`,
        );
        for (const r of rows) {
          seen.maxSessions = Math.max(seen.maxSessions, r.sessions);
          if (r.waiter === null) continue;
          if (r.blocker === 'app-report') seen.waitsOnReport++;
          else seen.crossTenantWaits.push(`${r.waiter} <- ${r.blocker}`);
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    let held = false;
    let released = false;
    const run = await fleetCli(['up', '--log-format', 'json'], {
      cwd: project.cwd,
      env,
      onEvent: (event) => {
        // while the first waves run, the report takes the blocked tenant's table and keeps it open
        if (event.event === 'fleet.wave' && event.wave === 'canary' && !held) {
          held = true;
          void report.query(`begin; select count(*) from ${blocked}.orders`);
        }
        if (event.event === 'lock_timeout' && event.target === blocked && !released) {
          released = true;
          void report.query('commit');
        }
      },
    });
    sampling = false;
    await sampling$;
    await sampler.end();
    expect(run.stderr).toBe('');
    expect(run.code, run.stdout.slice(-2000)).toBe(0);
    expect(run.stdout).not.toContain(PASSWORD);

    const done = eventsOf(run, 'fleet.target');
    expect(done).toHaveLength(200);
    expect(done[0]).toMatchObject({ target: 'tenant_007', wave: 'canary', state: 'done', applied: ['0001_log', '0002_status'] });
    expect(done.every((e) => e.state === 'done')).toBe(true);
    expect(eventsOf(run, 'fleet.wave').map((e) => [e.wave, e.targets])).toEqual([
      ['canary', 1],
      ['25%', 49],
      ['100%', 150],
    ]);
    expect(eventsOf(run, 'fleet.health_ok').map((e) => e.wave)).toEqual(['canary', '25%', '100%']);
    // the blocked tenant gave up waiting (lock_timeout) and retried until the report ended; no one else waited for it
    expect(released).toBe(true);
    expect(run.events.filter((e) => e.event === 'lock_timeout').every((e) => e.target === blocked)).toBe(true);
    expect(seen.waitsOnReport).toBeGreaterThan(0);
    expect(seen.crossTenantWaits).toEqual([]);
    // 8 targets at a time, two connections each
    expect(seen.maxSessions).toBeGreaterThan(2);
    expect(seen.maxSessions).toBeLessThanOrEqual(16);
    await report.end();

    const counts = await appliedCounts();
    expect([...counts.values()].every((c) => c === '0001:1,0002:1')).toBe(true);
    const histories = await admin.query<{ n: number }>("select count(*)::int as n from pg_namespace where nspname like 'pgwarden\\_tenant\\_%'");
    expect(histories.rows[0].n).toBe(200);
    expect((await admin.query("select to_regclass('pgwarden.migrations') as t, to_regclass('public.orders') as o")).rows[0]).toEqual({ t: null, o: null });

    const status = await fleetCli(['status', '--format', 'json'], { cwd: project.cwd, env });
    const parsed = JSON.parse(status.stdout) as { summary: Record<string, number>; targets: Array<{ state: string; version: string }> };
    expect(parsed.summary).toEqual({ total: 200, current: 200 });
    expect(parsed.targets.every((t) => t.version === '0002_status')).toBe(true);
  });

  it('stops at a failing health gate: the next wave does not start', async () => {
    await project.write('migrations/0003_flag.sql', "ALTER TABLE orders ADD COLUMN flagged boolean NOT NULL DEFAULT false;\nINSERT INTO applied_log VALUES ('0003');\n");
    await project.write(
      'health.yaml',
      FLEET.replace(/^health: .*$/m, 'health: { sql: "select count(*) = 0 from orders where flagged", interval: 100ms }').replace('{ percent: 25, parallel: 4 }', '{ percent: 25, parallel: 4, soak: 300ms }'),
    );
    // the canary's data says no: its health query returns false once it is migrated
    await admin.query("create or replace function tenant_007.flag() returns trigger language plpgsql as $$ begin new.flagged := true; return new; end $$");
    await admin.query("create trigger flag_all before update on tenant_007.orders for each row execute function tenant_007.flag()");
    await project.write('migrations/0004_touch.sql', "UPDATE orders SET note = note WHERE id = 1;\nINSERT INTO applied_log VALUES ('0004');\n");
    const run = await fleetCli(['up', '--fleet', 'health.yaml', '--log-format', 'json'], { cwd: project.cwd, env });
    expect(run.code).toBe(1);
    expect(eventsOf(run, 'fleet.target').map((e) => e.target)).toEqual(['tenant_007']);
    expect(eventsOf(run, 'fleet.health_failed')[0]?.message).toBe('health gate failed after wave canary: tenant_007: health query returned false; the next wave did not start');
    const counts = await appliedCounts();
    expect(counts.get('tenant_007')).toBe('0001:1,0002:1,0003:1,0004:1');
    expect(counts.get('tenant_008')).toBe('0001:1,0002:1');
    const journal = readFileSync(join(project.cwd, '.pgwarden/fleet/health.journal.jsonl'), 'utf8');
    expect(journal).toContain('"type":"end","state":"health_failed"');
    const status = await fleetCli(['status', '--fleet', 'health.yaml', '--journal-only'], { cwd: project.cwd, env });
    expect(status.stdout).toMatch(/rollout \S+: health_failed — health gate failed after wave canary/);
  });
});
