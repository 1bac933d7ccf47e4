import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createRunner } from '../../src/runner/runner.js';
import { MigrationFailedError } from '../../src/runner/execute.js';
import type { MigrationHooks } from '../../src/runner/hooks.js';
import { safetyHooks, type SafetyOptions } from '../../src/safety/hooks.js';
import { runTool } from '../../src/safety/pg-tools.js';
import { tempProject, type Project } from '../runner/helpers.js';
import { captureLogger } from './helpers.js';

// SafetyOptions.schemas: tenants of one database, each restored within its own schema. A restore that
// read the whole database would drop what another tenant created while this one was failing.
let db: TestDatabase;
let admin: pg.Client;
let project: Project;
let backupDir: string;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_safety_scope');
  admin = await db.client();
  backupDir = await mkdtemp(join(tmpdir(), 'pgwarden-scope-'));
  project = await tempProject();
  await project.write('0001_orders.sql', "CREATE TABLE orders (id bigint PRIMARY KEY, note text);\nINSERT INTO orders SELECT g, 'n' || g FROM generate_series(1, 50) g;\n");
  await project.write(
    '0002_check.sql',
    '-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);\nUPDATE orders SET note = upper(note) WHERE id > 10;\nALTER TABLE orders ADD CONSTRAINT orders_id_negative CHECK (id < 0) NOT VALID;\nALTER TABLE orders VALIDATE CONSTRAINT orders_id_negative;\n',
  );
});
beforeEach(async () => {
  await admin.query('drop schema if exists tenant_a, tenant_b, pgwarden_tenant_a, pgwarden_tenant_b, pgwarden_backup cascade; create schema tenant_a; create schema tenant_b');
});
afterAll(async () => {
  await project.remove();
  await rm(backupDir, { recursive: true, force: true });
  await db.drop();
});

/** Meanwhile, another tenant of the database creates a table (as its own rollout would). */
const otherTenantWrites: MigrationHooks = {
  async beforeMigration({ migration }) {
    if (migration.name === '0002_check') await admin.query('create table if not exists tenant_b.invoices (id int)');
  },
};

function tenantA(safety: SafetyOptions, log = captureLogger()) {
  return createRunner({
    databaseUrl: db.url,
    dir: project.dir,
    searchPath: ['tenant_a', 'public'],
    historySchema: 'pgwarden_tenant_a',
    logger: log,
    hooks: [safetyHooks({ backupDir: join(backupDir, 'tenant_a'), ...safety }), otherTenantWrites],
  });
}

describe('safety net scoped to a tenant schema', () => {
  for (const backup of ['targeted', 'snapshot'] as const) {
    it(`restores a failed no-transaction migration within the tenant, leaving the other tenant's new table (${backup})`, async () => {
      await tenantA({ backup, schemas: ['tenant_a'] }).up({ step: 1 });
      const before = (await admin.query("select count(*)::int as n, string_agg(note, ',' order by id) as notes from tenant_a.orders")).rows[0];
      const log = captureLogger();
      const failed = await tenantA({ backup, schemas: ['tenant_a'] }, log).up().catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(MigrationFailedError);
      const done = log.events.find((e) => e.event === 'restore.done');
      expect(done, log.text()).toBeDefined();
      const after = (await admin.query("select count(*)::int as n, string_agg(note, ',' order by id) as notes from tenant_a.orders")).rows[0];
      expect(after).toEqual(before);
      expect((await admin.query("select to_regclass('tenant_a.orders_note_idx') as idx, to_regclass('tenant_b.invoices') as other")).rows[0]).toEqual({ idx: null, other: 'tenant_b.invoices' });
      const attempts = await admin.query('select count(*)::int as n from pgwarden_tenant_a.migration_attempts');
      expect(attempts.rows[0].n).toBe(0);
      // the backup covers the tenant only, and says so
      const manifests = (await readdir(join(backupDir, 'tenant_a'))).filter((f) => f.endsWith('.json')).sort();
      const manifest = JSON.parse(await readFile(join(backupDir, 'tenant_a', manifests.at(-1)!), 'utf8')) as { schemas?: string[]; tables: Array<{ name: string }>; dumpFile?: string; catalog: { objects: Array<{ schema: string }> } };
      expect(manifest.schemas).toEqual(['tenant_a']);
      expect(manifest.tables.map((t) => t.name)).toEqual(['tenant_a.orders']);
      expect(new Set(manifest.catalog.objects.map((o) => o.schema))).toEqual(new Set(['tenant_a']));
      if (manifest.dumpFile) {
        const toc = (await runTool('pg_restore', ['--list', join(backupDir, 'tenant_a', manifest.dumpFile)])).stdout;
        expect(toc).toContain('tenant_a');
        expect(toc).not.toContain('tenant_b');
      }
    });
  }

  it("verifies the tenant's own rows: a DELETE without allow-data-loss is rolled back", async () => {
    await project.write('0003_delete.sql', 'DELETE FROM orders WHERE id <= 5;\n');
    try {
      await tenantA({ backup: 'none', schemas: ['tenant_a'] }).up({ step: 1 });
      await admin.query("insert into pgwarden_tenant_a.migrations (name, checksum, applied_by, duration_ms, pgwarden_version) values ('0002_check', 'x', 'test', 0, 'test')");
      const log = captureLogger();
      const failed = await tenantA({ backup: 'none', schemas: ['tenant_a'] }, log).up().catch((e: unknown) => e);
      expect(failed).toBeInstanceOf(MigrationFailedError);
      expect(String((failed as Error).message)).toContain('tenant_a.orders: 50 rows before, 45 rows after');
      expect((await admin.query('select count(*)::int as n from tenant_a.orders')).rows[0].n).toBe(50);
    } finally {
      await rm(join(project.dir, '0003_delete.sql'));
    }
  });

  it("`backups restore` of a tenant's backup rewinds that tenant's history, not the database's default one", async () => {
    await project.write('0003_purge.sql', '-- pgwarden:allow-data-loss orders\nDELETE FROM orders WHERE id <= 20;\n');
    try {
      await tenantA({ backup: 'none', schemas: ['tenant_a'] }).up({ step: 1 });
      await admin.query("insert into pgwarden_tenant_a.migrations (name, checksum, applied_by, duration_ms, pgwarden_version) values ('0002_check', 'x', 'test', 0, 'test')");
      const dir = join(backupDir, 'tenant_a_rewind');
      await createRunner({ databaseUrl: db.url, dir: project.dir, searchPath: ['tenant_a', 'public'], historySchema: 'pgwarden_tenant_a', logger: captureLogger(), hooks: [safetyHooks({ backupDir: dir, schemas: ['tenant_a'] })] }).up();
      expect((await admin.query('select count(*)::int as n from tenant_a.orders')).rows[0].n).toBe(30);
      // the database's own history (another application's), written after the tenant's backup
      await admin.query("drop schema if exists pgwarden cascade; create schema pgwarden; create table pgwarden.migrations (name text primary key, checksum text, applied_at timestamptz not null default now(), applied_by text, duration_ms int, pgwarden_version text)");
      await admin.query("create table pgwarden.migration_attempts (name text primary key, started_at timestamptz not null default now()); create table pgwarden.runs (id serial primary key, state text, detail text, backup text, updated_at timestamptz, finished_at timestamptz)");
      await admin.query("insert into pgwarden.migrations (name) values ('app_0001')");
      const [manifestFile] = (await readdir(dir)).filter((f) => f.endsWith('.json'));
      const manifest = JSON.parse(await readFile(join(dir, manifestFile), 'utf8')) as { id: string; historySchema?: string };
      expect(manifest.historySchema).toBe('pgwarden_tenant_a');
      const restore = spawnSync(process.execPath, [resolve(import.meta.dirname, '../../bin/pgwarden.js'), 'backups', 'restore', manifest.id, '--backup-dir', dir, '--database-url', db.url, '--yes'], { encoding: 'utf8', input: '' });
      expect(restore.stderr + restore.stdout).toContain("un-applied 0003_purge");
      expect(restore.status).toBe(0);
      expect((await admin.query('select count(*)::int as n from tenant_a.orders')).rows[0].n).toBe(50);
      expect((await admin.query('select name from pgwarden_tenant_a.migrations order by name')).rows.map((r) => r.name)).toEqual(['0001_orders', '0002_check']);
      expect((await admin.query('select name from pgwarden.migrations')).rows.map((r) => r.name)).toEqual(['app_0001']);
    } finally {
      await rm(join(project.dir, '0003_purge.sql'));
      await admin.query('drop schema if exists pgwarden cascade');
    }
  });
});
