import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createRunner } from '../../src/runner/runner.js';
import { safetyHooks } from '../../src/safety/hooks.js';
import { whereText } from '../../src/safety/image-rows.js';
import { captureLogger } from './helpers.js';

describe('whereText', () => {
  it('takes the top-level condition, up to RETURNING or the end', () => {
    expect(whereText("DELETE FROM t WHERE id < 5 AND note = 'x WHERE y' RETURNING id")).toBe("id < 5 AND note = 'x WHERE y'");
    expect(whereText('UPDATE t SET a = (SELECT max(a) FROM u WHERE u.id = t.id) WHERE t.id IN (SELECT id FROM u WHERE flag);')).toBe('t.id IN (SELECT id FROM u WHERE flag)');
    expect(whereText('UPDATE t SET a = 1')).toBeNull();
    expect(whereText('DELETE FROM t WHERE\n  created_at < now() - interval \'1 year\'\n')).toBe("created_at < now() - interval '1 year'");
  });
});

// A no-transaction statement's before-image: only the rows its WHERE matches when nothing else can
// change other rows of its table; the whole table otherwise. Either way the restore undoes exactly it.
let db: TestDatabase;
let client: pg.Client;
let app: pg.Client;
let work: string;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_safety_image_rows');
  client = await db.client();
  app = await db.client();
  await client.query(`
    CREATE TABLE items (id serial PRIMARY KEY, v int NOT NULL, note text);
    INSERT INTO items (v, note) SELECT g % 50, 'item ' || g FROM generate_series(1, 2000) g;
    CREATE TABLE audited (id int PRIMARY KEY, x int NOT NULL, changed int NOT NULL DEFAULT 0);
    INSERT INTO audited SELECT g, 0 FROM generate_series(1, 20) g;
    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.changed := NEW.changed + 1; RETURN NEW; END $$;
    CREATE TRIGGER audited_touch BEFORE UPDATE ON audited FOR EACH ROW EXECUTE FUNCTION touch();
  `);
  work = await mkdtemp(join(tmpdir(), 'pgwarden-image-rows-'));
});
afterAll(async () => {
  await app?.end();
  await db?.drop();
  if (work) await rm(work, { recursive: true, force: true });
});

const state = async () => ({
  items: (await client.query("SELECT string_agg(id || ':' || v || ':' || coalesce(note, '-'), ',' ORDER BY id) AS s FROM items WHERE id <= 2000")).rows[0].s as string,
  audited: (await client.query("SELECT string_agg(id || ':' || x || ':' || changed, ',' ORDER BY id) AS s FROM audited")).rows[0].s as string,
});

describe('before-images of the rows a statement matches', () => {
  it('copies only the matched rows where it can, the whole table where it cannot, and the restore undoes both exactly', async () => {
    const dir = join(work, 'migrations');
    await mkdir(dir);
    await writeFile(
      join(dir, '001_fix.sql'),
      `-- pgwarden:no-transaction
-- pgwarden:allow-data-loss items, audited
DELETE FROM items i WHERE i.v = 7 AND i.id <= 2000;
UPDATE items SET note = upper(note) WHERE id BETWEEN 100 AND 199 RETURNING id;
UPDATE items SET v = v + 1 WHERE id <= 30 AND random() >= 0;
UPDATE audited SET x = 1 WHERE id <= 5;
SELECT pg_sleep(0.5);
SELECT 1 / 0;
`,
    );
    const before = await state();
    // the application inserts and updates rows the migration does not touch while it runs
    let writing = true;
    const application = (async () => {
      while (writing) {
        await app.query(`INSERT INTO items (v, note) VALUES (1, 'app')`);
        await app.query(`UPDATE items SET note = 'app changed' WHERE id = 1500`);
        await app.query('SELECT pg_sleep(0.01)');
      }
    })();
    const log = captureLogger();
    const failed = await createRunner({ databaseUrl: db.url, dir, logger: log, hooks: [safetyHooks({ backup: 'targeted', backupDir: join(work, 'backups') })], lint: { allowUnsafe: true } })
      .up()
      .catch((e: unknown) => e);
    writing = false;
    await application;
    expect(failed).toBeInstanceOf(Error);
    expect(log.events.find((e) => e.event === 'restore.done'), log.text()).toBeDefined();
    const images = log.events.filter((e) => e.event === 'before-image').map((e) => [e.fields.statement, e.fields.table, e.fields.rows]);
    expect(images).toEqual([
      [1, 'public.items', 'matched'],
      [2, 'public.items', 'matched'],
      // random() could match other rows at a second reading; a trigger could change what the WHERE does not match
      [3, 'public.items', 'all'],
      [4, 'public.audited', 'all'],
    ]);
    const after = await state();
    const expected = { ...before, items: before.items.replace(/(^|,)1500:(\d+):[^,]*/, '$11500:$2:app changed') };
    expect(after).toEqual(expected);
    const appRows = Number((await client.query(`SELECT count(*) FROM items WHERE note = 'app'`)).rows[0].count);
    expect(appRows).toBeGreaterThan(0);
    expect(Number((await client.query(`SELECT count(*) FROM pg_tables WHERE schemaname = 'pgwarden_backup'`)).rows[0].count)).toBe(0);
  });
});
