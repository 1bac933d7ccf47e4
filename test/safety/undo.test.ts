import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
// The built package (npm test builds first), as the runner tests use it.
import { createRunner, safetyHooks } from '../../dist/src/index.js';
import { captureLogger } from './helpers.js';

/**
 * A no-transaction migration fails while the application keeps writing: the restore undoes what the
 * migration did and nothing the application did — its inserts, updates, deletes and new tables stay,
 * a row it changed after the migration did is reported with both versions kept, and its next insert
 * works because no sequence was set back.
 */
let db: TestDatabase;
let client: pg.Client;
let app: pg.Client;
let work: string;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_safety_undo');
  client = await db.client();
  app = await db.client();
  await client.query(`
    CREATE TABLE invoices (id serial PRIMARY KEY, customer int NOT NULL, status text NOT NULL, note text);
    INSERT INTO invoices (customer, status, note) SELECT g % 20, 'unpaid', 'note ' || g FROM generate_series(1, 200) g;
    COMMENT ON TABLE invoices IS 'billing';
  `);
  work = await mkdtemp(join(tmpdir(), 'pgwarden-undo-'));
});

afterAll(async () => {
  await db?.drop();
  if (work) await rm(work, { recursive: true, force: true });
});

const rowsOf = async (where: string) => (await client.query(`SELECT id, status, note FROM invoices WHERE ${where} ORDER BY id`)).rows;

describe('restore of a failed no-transaction migration while the application writes', () => {
  it('undoes only the migration, keeps the application writes, and reports the row both changed', async () => {
    const dir = join(work, 'migrations');
    await mkdir(dir);
    await writeFile(
      join(dir, '001_review.sql'),
      `-- pgwarden:no-transaction
-- pgwarden:allow-data-loss invoices.note
CREATE INDEX CONCURRENTLY invoices_customer_idx ON invoices (customer);
UPDATE invoices SET note = NULL, status = 'review' WHERE id <= 100;
INSERT INTO invoices (customer, status) SELECT g, 'migrated' FROM generate_series(1, 5) g;
SELECT pg_sleep(1);
SELECT 1 / 0;
`,
    );
    const before = await rowsOf('id <= 200');
    // the application waits until the migration's INSERT is committed, then writes while it sleeps
    const application = (async () => {
      while (Number((await app.query(`SELECT count(*) FROM invoices WHERE status = 'migrated'`)).rows[0].count) < 5) await app.query('SELECT pg_sleep(0.02)');
      await app.query(`INSERT INTO invoices (customer, status) SELECT g, 'app' FROM generate_series(1, 3) g`);
      await app.query(`UPDATE invoices SET status = 'paid' WHERE id IN (10, 150)`);
      await app.query(`DELETE FROM invoices WHERE id = 180`);
      await app.query(`CREATE TABLE app_cache (k text PRIMARY KEY)`);
    })();
    const log = captureLogger();
    const runner = createRunner({ databaseUrl: db.url, dir, logger: log, hooks: [safetyHooks({ backupDir: join(work, 'backups') })] });
    await expect(runner.up()).rejects.toThrow(/division by zero/);
    await application;

    // the migration's update is undone (id 10 aside), its inserts are gone, the application's writes stay
    const expected = before.filter((r) => r.id !== 180).map((r) => (r.id === 150 ? { ...r, status: 'paid' } : r.id === 10 ? { id: 10, status: 'paid', note: null } : r));
    expect(await rowsOf('id <= 200')).toEqual(expected);
    expect((await client.query(`SELECT status, count(*)::int AS n FROM invoices WHERE id > 200 GROUP BY 1 ORDER BY 1`)).rows).toEqual([{ status: 'app', n: 3 }]);
    expect((await client.query(`SELECT to_regclass('invoices_customer_idx') AS i, to_regclass('app_cache') AS c`)).rows[0]).toEqual({ i: null, c: 'app_cache' });
    // no sequence was set back: the application's next insert works
    await expect(app.query(`INSERT INTO invoices (customer, status) VALUES (1, 'next') RETURNING id`)).resolves.toBeDefined();

    const conflicts = log.events.find((e) => e.event === 'restore.conflicts');
    expect(conflicts?.fields.conflicts).toEqual([
      'public.invoices row (10): changed by the application after statement 2 (line 4) (its current version kept in the table, the version before the migration kept in ' +
        String((conflicts?.fields.conflicts as string[])[0]).split('kept in ').at(-1),
    ]);
    const kept = String((conflicts?.fields.conflicts as string[])[0]).split('kept in ').at(-1)!.replace(/\)$/, '');
    const [schema, table] = [kept.slice(0, kept.indexOf('.')), kept.slice(kept.indexOf('.') + 1)];
    expect((await client.query(`SELECT status, note FROM "${schema}"."${table}" WHERE id = 10`)).rows).toEqual([{ status: 'unpaid', note: 'note 10' }]);
    const done = log.events.find((e) => e.event === 'restore.done');
    expect(done?.fields.kept).toEqual(['table public.app_cache', 'index public.app_cache.app_cache_pkey', 'column public.app_cache.k text', 'constraint public.app_cache.app_cache_pkey']);
    expect(done?.fields.differences, JSON.stringify(done?.fields)).toEqual([]);
    expect(done?.fields.schema).toBe('schema dump identical to before (comments, grants, owners, defaults included)');
    expect(done?.fields.dropped).toEqual(['index public.invoices.invoices_customer_idx']);
    // not everything is as before (row 10): the interrupted marker stays for a person to look
    expect((await client.query(`SELECT count(*)::int AS n FROM pgwarden.migration_attempts`)).rows[0].n).toBe(1);
  });

  it('refuses before the run a statement on a table without a key, unless a whole-table restore is declared', async () => {
    await client.query(`DELETE FROM pgwarden.migration_attempts`); // left by the test before, on purpose
    await client.query(`CREATE TABLE readings (sensor int, value numeric); INSERT INTO readings SELECT g, g FROM generate_series(1, 10) g`);
    const dir = join(work, 'keyless');
    await mkdir(dir);
    await writeFile(join(dir, '001_fix.sql'), `-- pgwarden:no-transaction\nUPDATE readings SET value = value * 10;\n`);
    const runner = () => createRunner({ databaseUrl: db.url, dir, logger: captureLogger(), hooks: [safetyHooks({ backupDir: join(work, 'backups') })], lint: { allowUnsafe: true } });
    await expect(runner().up()).rejects.toThrow(
      'cannot guard 001_fix: it runs outside a transaction and its statement at line 2 may change public.readings, which has no primary key or replica identity, so a failure could only be undone by replacing the whole table (and the application\'s rows with it); add a primary key, or declare "-- pgwarden:whole-table-restore public.readings"; nothing was applied',
    );
    expect((await client.query(`SELECT sum(value)::int AS s FROM readings`)).rows[0].s).toBe(55);
    await writeFile(join(dir, '001_fix.sql'), `-- pgwarden:no-transaction\n-- pgwarden:whole-table-restore readings\nUPDATE readings SET value = value * 10;\nSELECT 1 / 0;\n`);
    await expect(runner().up()).rejects.toThrow(/division by zero/);
    expect((await client.query(`SELECT sum(value)::int AS s FROM readings`)).rows[0].s).toBe(55);
  });
});
