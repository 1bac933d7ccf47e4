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
      CREATE TABLE users (id serial PRIMARY KEY, email text NOT NULL, legacy_name varchar(40) COLLATE "C" NOT NULL DEFAULT 'none' CONSTRAINT users_legacy_name_check CHECK (legacy_name <> ''), score int, legacy_upper text GENERATED ALWAYS AS (upper(legacy_name)) STORED);
      INSERT INTO users (email, legacy_name, score) SELECT 'u' || g || '@example.com', 'name ' || g, g FROM generate_series(1, 500) g;
      CREATE INDEX users_legacy_name_idx ON users (legacy_name);
      CREATE UNIQUE INDEX users_email_name_key ON users (email, legacy_name);
      CREATE VIEW user_names AS SELECT id, legacy_name FROM users;
      COMMENT ON COLUMN users.legacy_name IS 'from the old system';
      GRANT SELECT (legacy_name) ON users TO PUBLIC;
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
-- pgwarden:allow-data-loss users.legacy_name, users.legacy_upper, user_names
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
    // the generated column the CASCADE took along is back too, computed from the restored values
    expect((await client.query(`SELECT count(*)::int AS n FROM users WHERE legacy_upper IS DISTINCT FROM upper(legacy_name)`)).rows[0].n).toBe(0);
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

  it('copies the value the DROP destroys, not the one an older snapshot sees: a write committed while the DROP waits is kept', async () => {
    await client.query(`CREATE TABLE people (id int PRIMARY KEY, nick text); INSERT INTO people SELECT g, 'nick ' || g FROM generate_series(1, 100) g`);
    const dir = join(work, 'race');
    await mkdir(dir);
    await writeFile(
      join(dir, '002_drop_nick.sql'),
      `-- pgwarden:no-transaction
-- pgwarden:allow-data-loss people.nick
UPDATE people SET nick = nick || '!' WHERE id = 1;
SELECT pg_sleep(0.3);
ALTER TABLE people DROP COLUMN nick;
SELECT 1 / 0;
`,
    );
    // the application changes a nick in a transaction that commits while the DROP waits for its lock
    const application = (async () => {
      await waitFor(app, `SELECT nick LIKE '%!' AS ok FROM people WHERE id = 1`);
      await app.query(`BEGIN`);
      await app.query(`UPDATE people SET nick = 'late' WHERE id = 5`);
      await app.query(`SELECT pg_sleep(0.8)`);
      await app.query(`COMMIT`);
    })();
    const log = captureLogger();
    const runner = createRunner({ databaseUrl: db.url, dir, logger: log, lockTimeout: '10s', lint: { allowUnsafe: true }, hooks: [safetyHooks({ backupDir: join(work, 'backups') })] });
    await expect(runner.up()).rejects.toThrow(/division by zero/);
    await application;
    expect(log.events.find((e) => e.event === 'restore.done')?.fields.differences, log.text()).toEqual([]);
    const rows = (await client.query(`SELECT id, nick FROM people ORDER BY id`)).rows;
    expect(rows).toEqual(Array.from({ length: 100 }, (_, i) => ({ id: i + 1, nick: i + 1 === 5 ? 'late' : `nick ${i + 1}` })));
  }, 60_000);

  it('puts a keyless table back whole when declared, brings serial and identity columns back with their sequences, and says what it cannot add back', async () => {
    await client.query(`
      CREATE TABLE readings (sensor int, value numeric(8,2), unit text DEFAULT 'C');
      INSERT INTO readings SELECT g, g * 1.5, CASE WHEN g % 2 = 0 THEN 'F' END FROM generate_series(1, 50) g;
      CREATE TABLE tickets (id int PRIMARY KEY, seq serial, title text, ref bigint GENERATED BY DEFAULT AS IDENTITY);
      INSERT INTO tickets (id, title) SELECT g, 't' || g FROM generate_series(1, 10) g;
      CREATE TABLE codes (code text PRIMARY KEY, label text);
      INSERT INTO codes VALUES ('a', 'A'), ('b', 'B');
    `);
    const dir = join(work, 'keyless');
    await mkdir(dir);
    const log = captureLogger();
    const runner = () => createRunner({ databaseUrl: db.url, dir, logger: log, lint: { allowUnsafe: true }, hooks: [safetyHooks({ backupDir: join(work, 'backups') })] });
    const dumpBefore = await schemaDump(db.url);

    await writeFile(join(dir, '003_drop_unit.sql'), `-- pgwarden:no-transaction\n-- pgwarden:allow-data-loss readings.unit\n-- pgwarden:whole-table-restore readings\nALTER TABLE readings DROP COLUMN unit;\nSELECT 1 / 0;\n`);
    const readings = (await client.query(`SELECT sensor, value, unit FROM readings ORDER BY sensor`)).rows;
    await expect(runner().up()).rejects.toThrow(/division by zero/);
    const unit = log.events.find((e) => e.event === 'restore.done');
    expect(unit?.fields.differences, log.text()).toEqual([]);
    expect(unit?.fields.columns).toEqual(['column unit re-created at the end of public.readings, dropped by statement 1 (line 4): table restored whole (declared whole-table-restore): removed 50, put back 50']);
    expect((await client.query(`SELECT sensor, value, unit FROM readings ORDER BY sensor`)).rows).toEqual(readings);
    await rm(join(dir, '003_drop_unit.sql'));

    await writeFile(join(dir, '004_drop_seq.sql'), `-- pgwarden:no-transaction\n-- pgwarden:allow-data-loss tickets.seq, tickets.ref\nALTER TABLE tickets DROP COLUMN seq, DROP COLUMN ref;\nSELECT 1 / 0;\n`);
    log.events.length = 0;
    await expect(runner().up()).rejects.toThrow(/division by zero/);
    const seq = log.events.find((e) => e.event === 'restore.done');
    expect(seq?.fields.differences, log.text()).toEqual([]);
    expect(seq?.fields.columns).toEqual([
      'column seq re-created at the end of public.tickets (column order differs from before), dropped by statement 1 (line 3): 10 value(s) put back by key, its sequence public.tickets_seq_seq and DEFAULT from the backup',
      'column ref re-created at the end of public.tickets (column order differs from before), dropped by statement 1 (line 3): 10 value(s) put back by key, its sequence public.tickets_ref_seq (identity) from the backup',
    ]);
    expect((await client.query(`SELECT sum(seq)::int AS s, sum(ref)::int AS r FROM tickets`)).rows[0]).toEqual({ s: 55, r: 55 });
    expect((await client.query(`INSERT INTO tickets (id, title) VALUES (11, 'next') RETURNING seq, ref`)).rows[0]).toEqual({ seq: 11, ref: '11' });
    await client.query(`DELETE FROM tickets WHERE id = 11; SELECT setval('tickets_seq_seq', 10); SELECT setval('tickets_ref_seq', 10)`);
    expect(orderFree(await schemaDump(db.url))).toEqual(orderFree(dumpBefore));
    await rm(join(dir, '004_drop_seq.sql'));

    // the key itself: nothing tells the rows apart any more
    await writeFile(join(dir, '005_drop_code.sql'), `-- pgwarden:no-transaction\n-- pgwarden:allow-data-loss codes.code\nALTER TABLE codes DROP COLUMN code;\nSELECT 1 / 0;\n`);
    log.events.length = 0;
    await expect(runner().up()).rejects.toThrow(/finished but the database differs from before it/);
    const warning = String(log.events.find((e) => e.event === 'restore.column-unsupported')?.fields.message);
    expect(warning).toMatch(/^005_drop_code: statement 1 \(line 3\) drops column code of public\.codes, which a restore cannot add back: it is part of the primary key \(or replica identity\) that tells public\.codes's rows apart; declare "-- pgwarden:whole-table-restore public\.codes" to have the table put back whole \(its values are kept in pgwarden_backup\.\S+_col\d+\)$/);
    const differences = log.events.find((e) => e.event === 'restore.mismatch')?.fields.differences as string[];
    expect(differences[0]).toMatch(/^column code of public\.codes dropped by statement 1 \(line 3\) not re-created: it is part of the primary key/);
    const copy = /kept in pgwarden_backup\.(\S+)$/.exec(differences[0])![1];
    expect((await client.query(`SELECT code FROM pgwarden_backup."${copy}" ORDER BY 1`)).rows).toEqual([{ code: 'a' }, { code: 'b' }]);
  }, 60_000);

  it('with --backup snapshot (no archive) brings the column and its values back and reports what only the archive holds', async () => {
    // a database of its own: the test before leaves its run unfinished on purpose
    const own = await createTestDatabase('pgwarden_safety_dropcol_snap');
    try {
      const client = await own.client();
      // a partitioned table (a targeted pg_dump backup holds no data for one): the column comes back through the parent
      await client.query(`
        CREATE TABLE events (id int PRIMARY KEY, kind text, note text) PARTITION BY RANGE (id);
        CREATE TABLE events_1 PARTITION OF events FOR VALUES FROM (0) TO (100);
        CREATE TABLE events_2 PARTITION OF events FOR VALUES FROM (100) TO (200);
        INSERT INTO events SELECT g, 'k' || g % 3, 'n' || g FROM generate_series(1, 150) g;
      `);
      const events = (await client.query(`SELECT id, kind, note FROM events ORDER BY id`)).rows;
      const eventsDir = join(work, 'partitioned');
      await mkdir(eventsDir);
      await writeFile(join(eventsDir, '005_drop_kind.sql'), `-- pgwarden:no-transaction\n-- pgwarden:allow-data-loss events.kind, events_1.kind, events_2.kind\nALTER TABLE events DROP COLUMN kind;\nSELECT 1 / 0;\n`);
      const eventsLog = captureLogger();
      await expect(createRunner({ databaseUrl: own.url, dir: eventsDir, logger: eventsLog, lint: { allowUnsafe: true }, hooks: [safetyHooks({ backup: 'snapshot', backupDir: join(work, 'backups') })] }).up()).rejects.toThrow(/division by zero/);
      const kind = eventsLog.events.find((e) => e.event === 'restore.done');
      expect(kind?.fields.differences, eventsLog.text()).toEqual([]);
      expect(kind?.fields.columns).toEqual(['column kind re-created at the end of public.events (column order differs from before), dropped by statement 1 (line 3): 150 value(s) put back by key']);
      expect((await client.query(`SELECT id, kind, note FROM events ORDER BY id`)).rows).toEqual(events);

      await client.query(`CREATE TABLE labels (id int PRIMARY KEY, tag text NOT NULL DEFAULT 'x'); INSERT INTO labels SELECT g, 'tag' || g FROM generate_series(1, 30) g; CREATE INDEX labels_tag_idx ON labels (tag)`);
      const dir = join(work, 'snapshot');
      await mkdir(dir);
      await writeFile(join(dir, '006_drop_tag.sql'), `-- pgwarden:no-transaction\n-- pgwarden:allow-data-loss labels.tag\nALTER TABLE labels DROP COLUMN tag;\nSELECT 1 / 0;\n`);
      const log = captureLogger();
      const runner = createRunner({ databaseUrl: own.url, dir, logger: log, lint: { allowUnsafe: true }, hooks: [safetyHooks({ backup: 'snapshot', backupDir: join(work, 'backups') })] });
      await expect(runner.up()).rejects.toThrow(/finished but the database differs from before it/);
      expect(log.events.find((e) => e.event === 'restore.mismatch')?.fields.differences).toEqual(['not re-created (no archive): index public.labels.labels_tag_idx', 'missing index public.labels.labels_tag_idx']);
      expect((await client.query(`SELECT count(*)::int AS n FROM labels WHERE tag = 'tag' || id`)).rows[0].n).toBe(30);
    } finally {
      await own.drop();
    }
  }, 60_000);
});
