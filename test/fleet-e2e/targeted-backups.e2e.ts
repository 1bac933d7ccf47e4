import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createDatabaseFleet, createSchemas, eventsOf, fleetCli, fleetProject, tenantNames, type DatabaseFleet, type FleetProject } from '../fleet/helpers.js';

// The heaviest variants (npm run test:fleet, not npm test): the default targeted backups (pg_dump per
// target) on 200 tenant schemas of one database and on 50 databases, with restores from those backups
// while the other targets keep migrating, and a killed rollout resumed.

// Outside a transaction: a failure half-way leaves an index and changed rows that only the backup undoes.
const FAILING = `-- pgwarden:no-transaction
CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);
UPDATE orders SET note = upper(note) WHERE id > 0;
ALTER TABLE orders ADD CONSTRAINT orders_note_ok CHECK (note <> 'BAD') NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_note_ok;
`;

describe('200 tenant schemas with targeted backups', { timeout: 600_000 }, () => {
  const tenants = tenantNames(200);
  let db: TestDatabase;
  let admin: pg.Client;
  let project: FleetProject;

  beforeAll(async () => {
    db = await createTestDatabase('pgwarden_fleet_e2e');
    admin = await db.client();
    await createSchemas(admin, tenants);
    await admin.query(`DO $$ DECLARE n text; BEGIN FOR n IN SELECT nspname FROM pg_namespace WHERE nspname LIKE 'tenant\\_%' LOOP
      EXECUTE format('CREATE TABLE %I.orders (id bigint PRIMARY KEY, note text); INSERT INTO %I.orders SELECT g, ''n'' || g FROM generate_series(1, 50) g', n, n);
    END LOOP; END $$`);
    for (const t of ['tenant_050', 'tenant_120', 'tenant_190']) await admin.query(`update ${t}.orders set note = 'bad' where id = 7`);
    project = await fleetProject({ '0001_check.sql': FAILING });
    await project.write(
      'fleet.yaml',
      'migrations: ./migrations\ntargets:\n  schemas: { url: $FLEET_URL, match: "tenant_%" }\nwaves:\n  - { name: canary, targets: [tenant_001] }\n  - { percent: 100, parallel: 8 }\non_error: continue\nmax_failures: 5\nbackup: targeted\n',
    );
  });
  afterAll(async () => {
    await project?.remove();
    await db?.drop();
  });

  it('restores the 3 failing tenants from their own backups while the others migrate, touching no other tenant', async () => {
    const before = await admin.query<{ t: string; sum: string }>(
      ['tenant_050', 'tenant_120', 'tenant_190'].map((t) => `select '${t}' as t, md5(string_agg(id || note, ',' order by id)) as sum from ${t}.orders`).join(' union all '),
    );
    const run = await fleetCli(['up', '--log-format', 'json'], { cwd: project.cwd, env: { FLEET_URL: db.url } });
    expect(run.code).toBe(1);
    const failed = eventsOf(run, 'fleet.target').filter((e) => e.state === 'failed');
    expect(failed.map((e) => e.target).sort()).toEqual(['tenant_050', 'tenant_120', 'tenant_190']);
    expect(failed.every((e) => e.restored === true)).toBe(true);
    const after = await admin.query<{ t: string; sum: string }>(
      ['tenant_050', 'tenant_120', 'tenant_190'].map((t) => `select '${t}' as t, md5(string_agg(id || note, ',' order by id)) as sum from ${t}.orders`).join(' union all '),
    );
    expect(after.rows).toEqual(before.rows);
    const indexes = await admin.query<{ n: number }>("select count(*)::int as n from pg_class where relname = 'orders_note_idx' and relkind = 'i'");
    expect(indexes.rows[0].n).toBe(197);
    const dir = join(project.cwd, '.pgwarden/backups/tenant_050');
    const manifest = JSON.parse(readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.json'))!), 'utf8')) as { schemas?: string[] };
    expect(manifest.schemas).toEqual(['tenant_050']);
  });
});

describe('50 databases with targeted backups', { timeout: 600_000 }, () => {
  let fleet: DatabaseFleet;
  let project: FleetProject;

  beforeAll(async () => {
    fleet = await createDatabaseFleet(50, "CREATE TABLE orders (id bigint PRIMARY KEY, note text); INSERT INTO orders SELECT g, 'n' || g FROM generate_series(1, 50) g;");
    project = await fleetProject({
      '0001_log.sql': 'CREATE TABLE applied_log (migration text NOT NULL);\nINSERT INTO applied_log VALUES (\'0001\');\n',
      '0002_slow.sql': "ALTER TABLE orders ADD COLUMN status text;\nINSERT INTO applied_log VALUES ('0002');\nSELECT pg_sleep(0.1);\n",
    });
    await project.write('fleet.yaml', `migrations: ./migrations\ntargets:\n  databases: { url: $FLEET_URL, match: "${fleet.match}" }\nwaves:\n  - { percent: 100, parallel: 8 }\nbackup: targeted\n`);
  });
  afterAll(async () => {
    await project?.remove();
    await fleet?.drop();
  });

  it('a killed rollout resumes and applies each migration once', async () => {
    let done = 0;
    const killed = await fleetCli(['up', '--log-format', 'json'], {
      cwd: project.cwd,
      env: { FLEET_URL: fleet.serverUrl },
      onEvent: (event, child) => {
        if (event.event === 'fleet.target' && ++done === 15) child.kill('SIGKILL');
      },
    });
    expect(killed.signal).toBe('SIGKILL');
    const resumed = await fleetCli(['resume'], { cwd: project.cwd, env: { FLEET_URL: fleet.serverUrl } });
    expect(resumed.code, resumed.stderr).toBe(0);
    for (const n of fleet.names) {
      const rows = await fleet.query<{ m: string }>(n, "select string_agg(migration, ',' order by migration) as m from applied_log");
      expect(rows[0].m, n).toBe('0001,0002');
    }
  });
});
