import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { createRunner, safetyHooks } from '../../src/index.js';
import { captureLogger, schemaDump } from './helpers.js';

/**
 * A no-transaction migration drops a column that holds values, then fails on a later statement while
 * the application keeps writing. The restore re-creates the column with its definition and everything
 * that went with it, puts each row's old value back by primary key (rows the application changed in
 * other columns included), gives the application's new rows the default, and rewrites nothing else.
 */
let db: TestDatabase;
let client: pg.Client;
let app: pg.Client;
let work: string;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_safety_dropcol');
  client = await db.client();
  app = await db.client();
  work = await mkdtemp(join(tmpdir(), 'pgwarden-dropcol-'));
});

afterAll(async () => {
  await db?.drop();
  if (work) await rm(work, { recursive: true, force: true });
});

/** pg_dump's CREATE TABLE with its column lines sorted and without their commas: column order aside. */
function orderFree(dump: string): string {
  return dump.replace(/CREATE TABLE [^\n]+ \(\n([\s\S]*?)\n\);/g, (_all, body: string) => `CREATE TABLE (\n${body.split('\n').map((l) => l.replace(/,$/, '')).sort().join('\n')}\n);`);
}

const waitFor = async (c: pg.Client, sql: string) => {
  for (let i = 0; i < 500 && !(await c.query(sql)).rows[0].ok; i++) await c.query('SELECT pg_sleep(0.02)');
};

describe('restore of a no-transaction migration that dropped a column', () => {
  it('re-creates the column with its definition and dependents and puts the old values back by key', async () => {
    await client.query(`
      CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL, legacy_name varchar(40) COLLATE "C" NOT NULL DEFAULT 'none' CONSTRAINT users_legacy_name_check CHECK (legacy_name <> ''), score int);
      INSERT INTO users (email, legacy_name, score) SELECT 'u' || g || '@example.com', 'name ' || g, g FROM generate_series(1, 500) g;
      CREATE INDEX users_legacy_name_idx ON users (legacy_name);
      CREATE UNIQUE INDEX users_email_name_key ON users (email, legacy_name);
      CREATE VIEW user_names AS SELECT id, legacy_name FROM users;
      COMMENT ON COLUMN users.legacy_name IS 'from the old system';
      CREATE TABLE notes (id serial PRIMARY KEY, body text);
      INSERT INTO notes (body) SELECT 'n' || g FROM generate_series(1, 20) g;
    `);
    const dumpBefore = await schemaDump(db.url);
    const notesBefore = (await client.query(`SELECT id, xmin::text FROM notes ORDER BY id`)).rows;
    const dir = join(work, 'migrations');
    await mkdir(dir);
    await writeFile(
      join(dir, '001_drop_legacy_name.sql'),
      `-- pgwarden:no-transaction
-- pgwarden:allow-data-loss users.legacy_name, user_names
UPDATE users SET legacy_name = upper(legacy_name), score = score + 1000 WHERE id <= 20;
ALTER TABLE users DROP COLUMN legacy_name CASCADE;
SELECT pg_sleep(1);
SELECT 1 / 0;
`,
    );
    // the application writes once the column is gone: new rows, other columns of old rows, a delete
    const application = (async () => {
      await waitFor(app, `SELECT NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'legacy_name') AS ok`);
      await app.query(`INSERT INTO users (email, score) SELECT 'app' || g || '@example.com', 0 FROM generate_series(1, 3) g`);
      await app.query(`UPDATE users SET email = 'changed-' || email WHERE id IN (30, 300)`);
      await app.query(`DELETE FROM users WHERE id = 400`);
    })();
    const log = captureLogger();
    const runner = createRunner({ databaseUrl: db.url, dir, logger: log, lint: { allowUnsafe: true }, hooks: [safetyHooks({ backupDir: join(work, 'backups') })] });
    await expect(runner.up()).rejects.toThrow(/division by zero/);
    await application;

    const done = log.events.find((e) => e.event === 'restore.done');
    expect(done, log.text()).toBeDefined();
    expect(done?.fields.differences).toEqual([]);
    if (process.env.PGWARDEN_SHOW_LOG) console.log(log.events.map((e) => `${e.level}: ${String(e.fields.message ?? e.event)}`).join('\n'));
    expect(String(done?.fields.message)).toContain('column legacy_name re-created at the end of public.users (column order differs from before)');
    // every old value is back by key, the application's changes to other columns stay, its rows get the default
    const rows = (await client.query(`SELECT id, email, legacy_name, score FROM users ORDER BY id`)).rows;
    expect(rows.filter((r) => r.id <= 500)).toEqual(
      Array.from({ length: 500 }, (_, i) => i + 1)
        .filter((id) => id !== 400)
        .map((id) => ({ id, email: `${id === 30 || id === 300 ? 'changed-' : ''}u${id}@example.com`, legacy_name: `name ${id}`, score: id })),
    );
    expect(rows.filter((r) => r.id > 500).map((r) => [r.email, r.legacy_name])).toEqual([1, 2, 3].map((g) => [`app${g}@example.com`, 'none']));
    // the definition: type with typmod, collation, default, NOT NULL, the CHECK, the indexes, the view, the comment
    const column = (await client.query(`SELECT format_type(atttypid, atttypmod) AS type, (SELECT collname FROM pg_collation WHERE oid = attcollation) AS coll, attnotnull, pg_get_expr(d.adbin, d.adrelid) AS def, col_description(attrelid, attnum) AS comment
      FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum WHERE attrelid = 'users'::regclass AND attname = 'legacy_name'`)).rows[0];
    expect(column).toEqual({ type: 'character varying(40)', coll: 'C', attnotnull: true, def: "'none'::character varying", comment: 'from the old system' });
    expect((await client.query(`SELECT to_regclass('users_legacy_name_idx')::text AS i, to_regclass('users_email_name_key')::text AS u, to_regclass('user_names')::text AS v`)).rows[0]).toEqual({ i: 'users_legacy_name_idx', u: 'users_email_name_key', v: 'user_names' });
    await expect(client.query(`INSERT INTO users (email, legacy_name) VALUES ('x', '')`)).rejects.toThrow(/users_legacy_name_check/);
    // the schema is the one before, but for the column's place
    const dumpAfter = await schemaDump(db.url);
    expect(dumpAfter).not.toEqual(dumpBefore);
    expect(orderFree(dumpAfter)).toEqual(orderFree(dumpBefore));
    // a table the migration did not touch is not rewritten; no sequence went back
    expect((await client.query(`SELECT id, xmin::text FROM notes ORDER BY id`)).rows).toEqual(notesBefore);
    const next = (await app.query(`INSERT INTO users (email) VALUES ('next') RETURNING id`)).rows[0].id;
    // 501-503 the application's, 504 drawn by the insert the CHECK refused
    expect(next).toBe(505);
    // the copy of the column is gone from pgwarden_backup, and the migration is not left marked interrupted
    expect((await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'pgwarden_backup'`)).rows[0].n).toBe(0);
    expect((await client.query(`SELECT count(*)::int AS n FROM pgwarden.migration_attempts`)).rows[0].n).toBe(0);
  }, 60_000);
});
