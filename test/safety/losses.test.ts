import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
// The built package (npm test builds first), as the runner tests use it.
import { createRunner, safetyHooks } from '../../dist/src/index.js';
import { captureLogger, dataChecksums, migrationSets } from './helpers.js';

/**
 * Every loss the server's own accounting must catch, through the real runner, while a second session
 * writes to the same tables: each undeclared one fails (nothing kept), each declared or harmless one
 * passes, and the application's own inserts and deletes never decide the outcome.
 */
let db: TestDatabase;
let client: pg.Client;
let app: pg.Client;
let work: string;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_safety_losses');
  client = await db.client();
  app = await db.client();
  await client.query(`
    CREATE TABLE users (id int PRIMARY KEY, name text, legacy_name text, code varchar(10), score int);
    INSERT INTO users SELECT g, 'user ' || g, 'legacy ' || g, 'c' || g, g FROM generate_series(1, 500) g;
    CREATE TABLE prices (id int PRIMARY KEY, amount numeric(10,2) NOT NULL);
    INSERT INTO prices SELECT g, g + 0.25 FROM generate_series(1, 200) g;
    CREATE TABLE tags (id int PRIMARY KEY, label text);
    INSERT INTO tags SELECT g, 'tag ' || g FROM generate_series(1, 50) g;
    CREATE TABLE parents (id int PRIMARY KEY);
    INSERT INTO parents SELECT g FROM generate_series(1, 100) g;
    CREATE TABLE children (id int PRIMARY KEY, parent_id int REFERENCES parents ON DELETE CASCADE);
    INSERT INTO children SELECT g, g FROM generate_series(1, 100) g;
    CREATE TABLE notes (id int PRIMARY KEY, parent_id int REFERENCES parents ON DELETE SET NULL, body text);
    INSERT INTO notes SELECT g, g, 'note ' || g FROM generate_series(1, 100) g;
    CREATE TABLE sessions (id int PRIMARY KEY, user_id int);
    INSERT INTO sessions SELECT g, g FROM generate_series(1, 300) g;
    CREATE FUNCTION purge() RETURNS void LANGUAGE sql AS $$ DELETE FROM sessions WHERE id <= 100 $$;
    CREATE FUNCTION forget_sessions() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN DELETE FROM sessions WHERE user_id = NEW.id; RETURN NEW; END $$;
    CREATE TRIGGER users_forget AFTER UPDATE OF score ON users FOR EACH ROW EXECUTE FUNCTION forget_sessions();
    CREATE VIEW active_children AS SELECT * FROM children;
    CREATE SCHEMA archive;
    CREATE TABLE archive.old_orders (id int PRIMARY KEY);
    INSERT INTO archive.old_orders SELECT g FROM generate_series(1, 40) g;
    CREATE TABLE traffic (id serial PRIMARY KEY, at timestamptz DEFAULT now());
  `);
  work = await mkdtemp(join(tmpdir(), 'pgwarden-losses-'));
});

afterAll(async () => {
  await db?.drop();
  if (work) await rm(work, { recursive: true, force: true });
});

const migrations = migrationSets(() => work);

let appId = 10_000;

/**
 * The application, writing while the migration runs: it inserts into `traffic` and `users` and deletes
 * rows again (its own, so that a migration updating every row is not made to retry forever).
 */
async function withTraffic<T>(work: () => Promise<T>): Promise<T> {
  let stop = false;
  const loop = (async () => {
    while (!stop) {
      const id = appId++;
      const t = await app.query<{ id: number }>(`INSERT INTO traffic DEFAULT VALUES RETURNING id`);
      await app.query(`INSERT INTO users (id, name) VALUES ($1, 'app')`, [id]);
      if (id % 2 === 0) {
        await app.query(`DELETE FROM users WHERE id = $1`, [id]);
        await app.query(`DELETE FROM traffic WHERE id = $1`, [t.rows[0].id]);
      }
    }
  })();
  try {
    return await work();
  } finally {
    stop = true;
    await loop;
  }
}

function up(dir: string, log = captureLogger()) {
  return createRunner({ databaseUrl: db.url, dir, logger: log, hooks: [safetyHooks({ backup: 'none' })], lint: { allowUnsafe: true } }).up();
}

/** Data of the fixture tables (traffic and the app's users rows excluded: they move on their own). */
async function fixture(): Promise<Record<string, string>> {
  const all = await dataChecksums(client);
  delete all['public.traffic'];
  const users = await client.query(`SELECT md5(string_agg(u::text, '|' ORDER BY id)) AS s FROM users u WHERE id <= 500`);
  delete all['public.users'];
  return { ...all, users: users.rows[0].s };
}

const refused: Array<[string, string, RegExp]> = [
  ['UPDATE … SET col = NULL', `UPDATE users SET legacy_name = NULL;`, /public\.users: column legacy_name: 500 non-null values before, 0 after/],
  ['a rounding ALTER COLUMN … TYPE … USING', `ALTER TABLE prices ALTER COLUMN amount TYPE int USING amount::int;`, /public\.prices: column amount changed from numeric\(10,2\) to integer: its new values cast back to numeric\(10,2\) differ/],
  ['a same-count replace', `DELETE FROM tags;\nINSERT INTO tags SELECT g, 'other ' || g FROM generate_series(1, 50) g;`, /public\.tags: 50 rows before, 50 rows after \(50 deleted and 50 inserted: rows replaced, not kept\)/],
  ['a function that deletes', `SELECT purge();`, /public\.sessions: 300 rows before, 200 rows after \(no statement names it/],
  ['a trigger on another table', `UPDATE users SET score = score + 1 WHERE id <= 10;`, /public\.sessions: 300 rows before, 290 rows after/],
  ['ON DELETE CASCADE', `-- pgwarden:allow-data-loss parents\nDELETE FROM parents WHERE id <= 5;`, /public\.children: 100 rows before, 95 rows after/],
  ['a data-modifying CTE', `WITH d AS (DELETE FROM tags WHERE id <= 3 RETURNING id) SELECT count(*) FROM d;`, /public\.tags: 50 rows before, 47 rows after/],
  ['MERGE … WHEN MATCHED THEN DELETE', `MERGE INTO tags t USING (SELECT 7 AS id) s ON t.id = s.id WHEN MATCHED THEN DELETE;`, /public\.tags: 50 rows before, 49 rows after/],
  ['DROP TABLE … CASCADE dropping a view', `-- pgwarden:allow-data-loss children\nDROP TABLE children CASCADE;`, /public\.active_children: view dropped through CASCADE/],
  ['DROP SCHEMA … CASCADE', `DROP SCHEMA archive CASCADE;`, /archive\.old_orders: 40 rows before, table dropped after/],
  ['dynamic SQL in a DO block', `DO $$ BEGIN EXECUTE format('DELETE FROM %I WHERE id > %s', 'tags', 45); END $$;`, /public\.tags: 50 rows before, 45 rows after/],
  ['TRUNCATE … CASCADE with only the parent declared', `-- pgwarden:allow-data-loss parents\nTRUNCATE parents CASCADE;`, /public\.children: 100 rows before, 0 rows after/],
  ['ON DELETE SET NULL', `-- pgwarden:allow-data-loss parents\nDELETE FROM parents WHERE id <= 4;`, /public\.notes: column parent_id: 100 non-null values before, 96 after/],
  ['DROP COLUMN let through the lint gate by --allow-unsafe', `ALTER TABLE users DROP COLUMN legacy_name;`, /public\.users: column legacy_name dropped with 500 non-null values/],
];

describe('losses the server accounting catches, with the application writing meanwhile', () => {
  it.each(refused)('refuses %s and keeps nothing of it', async (_what, sql, expected) => {
    const before = await fixture();
    const dir = await migrations({ '001_change.sql': `${sql}\n` });
    const error = await withTraffic(() => up(dir).then(() => undefined, (e: unknown) => e));
    expect(String((error as Error | undefined)?.message)).toMatch(expected);
    expect(await fixture()).toEqual(before);
  });

  it('passes declared losses, a column-level declaration included', async () => {
    const dir = await migrations({
      '001_declared.sql': `-- pgwarden:allow-data-loss users.legacy_name\nUPDATE users SET legacy_name = NULL WHERE id <= 500;\n`,
      '002_declared_rows.sql': `-- pgwarden:allow-data-loss tags\nDELETE FROM tags WHERE id > 40;\n`,
    });
    const result = await withTraffic(() => up(dir));
    expect(result.migrations.map((m) => m.name)).toEqual(['001_declared', '002_declared_rows']);
    expect((await client.query(`SELECT count(legacy_name)::int AS n FROM users WHERE id <= 500`)).rows[0].n).toBe(0);
  });

  it('passes a backfill, widening type changes and an insert-only migration with no declaration', async () => {
    const log = captureLogger();
    const dir = await migrations({
      '001_backfill.sql': `ALTER TABLE users ADD COLUMN display text;\nUPDATE users SET display = upper(name);\nUPDATE users SET legacy_name = 'filled' WHERE legacy_name IS NULL;\n`,
      '002_widen.sql': `ALTER TABLE tags ALTER COLUMN id TYPE bigint;\nALTER TABLE users ALTER COLUMN code TYPE text;\nALTER TABLE prices ALTER COLUMN amount TYPE numeric(12,2);\n`,
      '003_insert.sql': `INSERT INTO tags SELECT g, 'new ' || g FROM generate_series(100, 120) g;\n`,
    });
    const result = await withTraffic(() => up(dir, log));
    expect(result.migrations.map((m) => m.name)).toEqual(['001_backfill', '002_widen', '003_insert']);
    expect(log.events.filter((e) => e.event === 'verify.failed')).toEqual([]);
  });

  it('at read committed, rows the application deletes meanwhile fail nothing, and SET col = NULL is still caught', async () => {
    await client.query(`INSERT INTO users (id, name, legacy_name) SELECT g, 'app', 'app legacy' FROM generate_series(90001, 90050) g`);
    const atReadCommitted = (dir: string) =>
      createRunner({ databaseUrl: db.url, dir, logger: captureLogger(), isolation: 'read committed', hooks: [safetyHooks({ backup: 'none' })], lint: { allowUnsafe: true } }).up();
    // the application deletes 50 rows (with their values) after the migration's profiles were read
    const dir = await migrations({ '001_touch.sql': `UPDATE users SET code = 'r' || id WHERE id <= 100;\nSELECT pg_sleep(0.6);\n` });
    const deleting = (async () => {
      await new Promise((r) => setTimeout(r, 200));
      await app.query(`DELETE FROM users WHERE id BETWEEN 90001 AND 90050`);
    })();
    const result = await atReadCommitted(dir);
    await deleting;
    expect(result.migrations.map((m) => m.name)).toEqual(['001_touch']);
    const nulls = await migrations({ '001_null.sql': `UPDATE users SET legacy_name = NULL;\n` });
    const error = await withTraffic(() => atReadCommitted(nulls).then(() => undefined, (e: unknown) => e));
    expect(String((error as Error | undefined)?.message)).toMatch(/public\.users: column legacy_name: \d+ non-null values before, 0 after/);
  });

  it('catches an undeclared DELETE outside a transaction although the application inserts more rows meanwhile', async () => {
    const first = (await client.query<{ id: number }>(`INSERT INTO traffic SELECT FROM generate_series(1, 100) RETURNING id`)).rows[0].id;
    const mine = `id BETWEEN ${first} AND ${first + 99}`;
    const dir = await migrations({ '001_trim.sql': `-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY traffic_at_idx ON traffic (at);\nDELETE FROM traffic WHERE id < ${first + 10} AND id >= ${first};\n` });
    const error = await withTraffic(() => up(dir).then(() => undefined, (e: unknown) => e));
    expect(String((error as Error | undefined)?.message)).toMatch(/public\.traffic: \d+ rows before, \d+ rows after by the statement at line 3: DELETE FROM traffic/);
    expect(Number((await client.query(`SELECT count(*) FROM traffic WHERE ${mine}`)).rows[0].count)).toBe(100);
  });
});
