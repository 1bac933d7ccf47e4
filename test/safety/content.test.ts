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
 * Issue 12, values and not only rows: content changed in rows no statement targets — by a trigger on
 * another table, an AFTER trigger on the same one, a called function — fails the migration (nothing
 * kept), in a transaction and outside one, while a second session writes to the same tables; declared,
 * it passes; and backfills, an updated_at BEFORE trigger, upserts, MERGE, partitioned tables and inserts
 * pass with no declaration.
 */
let db: TestDatabase;
let client: pg.Client;
let app: pg.Client;
let work: string;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_safety_content');
  client = await db.client();
  app = await db.client();
  await client.query(`
    CREATE TABLE a (id int PRIMARY KEY, v int, label text);
    INSERT INTO a SELECT g, g, 'a ' || g FROM generate_series(1, 100) g;
    CREATE TABLE b (id int PRIMARY KEY, price int NOT NULL);
    INSERT INTO b SELECT g, g FROM generate_series(1, 1000) g;
    CREATE FUNCTION a_resets_b() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE b SET price = 0 WHERE id <= 1000; RETURN NEW; END $$;
    CREATE TRIGGER a_resets AFTER UPDATE OF v ON a FOR EACH ROW EXECUTE FUNCTION a_resets_b();

    CREATE TABLE accounts (id int PRIMARY KEY, balance int NOT NULL, note text, updated_at timestamptz NOT NULL DEFAULT '2026-01-01');
    INSERT INTO accounts SELECT g, 100, 'note ' || g FROM generate_series(1, 1000) g;
    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.updated_at := clock_timestamp(); RETURN NEW; END $$;
    CREATE TRIGGER accounts_touch BEFORE UPDATE ON accounts FOR EACH ROW EXECUTE FUNCTION touch();
    CREATE FUNCTION stamp_others() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE accounts SET note = 'recomputed' WHERE id <> NEW.id AND id <= 1000; RETURN NEW; END $$;
    CREATE TRIGGER accounts_stamp AFTER UPDATE OF balance ON accounts FOR EACH ROW EXECUTE FUNCTION stamp_others();

    CREATE TABLE prices (id int PRIMARY KEY, amount int NOT NULL, code text, changed_at timestamptz);
    INSERT INTO prices SELECT g, g * 10, NULL, NULL FROM generate_series(1, 200) g;
    CREATE FUNCTION prices_touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.changed_at := clock_timestamp(); RETURN NEW; END $$;
    CREATE TRIGGER prices_touch BEFORE UPDATE ON prices FOR EACH ROW EXECUTE FUNCTION prices_touch();
    CREATE FUNCTION reprice() RETURNS void LANGUAGE sql AS $$ UPDATE prices SET amount = amount * 2 WHERE id <= 200 $$;
    CREATE FUNCTION fill_codes() RETURNS void LANGUAGE sql AS $$ UPDATE prices SET code = 'p' || id WHERE code IS NULL AND id <= 200 $$;

    CREATE TABLE docs (id int PRIMARY KEY, body text, version int NOT NULL DEFAULT 1);
    INSERT INTO docs SELECT g, 'doc ' || g FROM generate_series(1, 300) g;
    CREATE FUNCTION bump_version() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE docs SET version = version + 1 WHERE id = NEW.id; RETURN NEW; END $$;
    CREATE TRIGGER docs_bump AFTER UPDATE OF body ON docs FOR EACH ROW EXECUTE FUNCTION bump_version();
    CREATE TABLE big (id int PRIMARY KEY, amount int NOT NULL, filled int);
    INSERT INTO big SELECT g, g FROM generate_series(1, 5000) g;
    CREATE TABLE measures (id int, k int, v int) PARTITION BY RANGE (k);
    CREATE TABLE measures_1 PARTITION OF measures FOR VALUES FROM (0) TO (50);
    CREATE TABLE measures_2 PARTITION OF measures FOR VALUES FROM (50) TO (100);
    INSERT INTO measures SELECT g, g % 100, g FROM generate_series(1, 400) g;
    ANALYZE;
  `);
  work = await mkdtemp(join(tmpdir(), 'pgwarden-content-'));
});

afterAll(async () => {
  await db?.drop();
  if (work) await rm(work, { recursive: true, force: true });
});

const migrations = migrationSets(() => work);

let appId = 100_000;

/**
 * The application, writing while the migration runs: it inserts rows of its own into accounts, prices,
 * big and b, updates them (so that the BEFORE triggers fire in its session too) and deletes some again.
 */
async function withTraffic<T>(work: () => Promise<T>): Promise<T> {
  let stop = false;
  let writes = 0;
  const loop = (async () => {
    while (!stop) {
      const id = appId++;
      await app.query(`INSERT INTO accounts (id, balance, note) VALUES ($1, 1, 'app')`, [id]);
      await app.query(`UPDATE accounts SET note = 'app again' WHERE id = $1`, [id]);
      await app.query(`INSERT INTO prices (id, amount, code) VALUES ($1, 1, 'app')`, [id]);
      await app.query(`UPDATE prices SET amount = 2 WHERE id = $1`, [id]);
      await app.query(`INSERT INTO big (id, amount, filled) VALUES ($1, 1, 1)`, [id]);
      await app.query(`INSERT INTO b (id, price) VALUES ($1, 1)`, [id]);
      if (id % 2 === 0) await app.query(`DELETE FROM prices WHERE id = $1`, [id]);
      writes++;
    }
  })();
  try {
    return await work();
  } finally {
    stop = true;
    await loop;
    expect(writes).toBeGreaterThan(0);
  }
}

function up(dir: string, log = captureLogger(), isolation: 'read committed' | 'repeatable read' = 'repeatable read') {
  return createRunner({ databaseUrl: db.url, dir, logger: log, isolation, hooks: [safetyHooks({ backup: 'snapshot', backupDir: join(work, 'backups') })], lint: { allowUnsafe: true } }).up();
}

/** Data of the fixture's rows (the application's own rows, id ≥ 100000, move on their own). */
async function fixture(): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of ['a', 'b', 'accounts', 'prices', 'big', 'docs']) {
    const r = await client.query<{ s: string }>(`SELECT count(*) || ':' || md5(coalesce(string_agg(x::text, '|' ORDER BY id), '')) AS s FROM ${t} x WHERE id < 100000`);
    out[t] = r.rows[0].s;
  }
  const rest = await dataChecksums(client);
  for (const [k, v] of Object.entries(rest)) if (k.startsWith('public.measures')) out[k] = v;
  return out;
}

const refused: Array<[string, string, RegExp]> = [
  [
    'a trigger on a updating every row of b, when the migration updates one row of a',
    `UPDATE a SET v = v + 1 WHERE id = 1;`,
    /public\.b: column price: values replaced in rows no statement updates \((\d+) non-null values before, \1 after, checksum changed; the server counts 1000 updated rows\) \(no statement names it/,
  ],
  [
    'an AFTER trigger updating other rows of the table the UPDATE targets',
    `UPDATE accounts SET balance = balance + 1 WHERE id = 3;`,
    /public\.accounts: 999 rows updated that no statement targets \(UPDATE at line 1 updated 1 row, the server counts 1000 updated\) \(a trigger, rule, function or ON UPDATE CASCADE changed them\)/,
  ],
  [
    'the same AFTER trigger fired by MERGE … WHEN MATCHED THEN UPDATE',
    `MERGE INTO accounts t USING (SELECT 5 AS id) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET balance = t.balance - 1;`,
    /public\.accounts: 999 rows updated that no statement targets \(MERGE at line 1 updated 1 row, the server counts 1000 updated\)/,
  ],
  [
    'the same AFTER trigger fired by INSERT … ON CONFLICT DO UPDATE',
    `INSERT INTO accounts (id, balance) VALUES (9, 1) ON CONFLICT (id) DO UPDATE SET balance = accounts.balance + excluded.balance;`,
    /public\.accounts: 999 rows updated that no statement targets \(INSERT … ON CONFLICT DO UPDATE at line 1 updated 1 row, the server counts 1000 updated\)/,
  ],
  [
    'a function overwriting values',
    `SELECT reprice();`,
    /public\.prices: column amount: values replaced in rows no statement updates \((\d+) non-null values before, \1 after, checksum changed; the server counts 200 updated rows\)/,
  ],
];

describe('content changed in rows no statement targets, with the application writing meanwhile', () => {
  it.each(refused)('refuses %s and keeps nothing of it', async (_what, sql, expected) => {
    const before = await fixture();
    const dir = await migrations({ '001_change.sql': `${sql}\n` });
    const error = await withTraffic(() => up(dir).then(() => undefined, (e: unknown) => e));
    expect(String((error as Error | undefined)?.message)).toMatch(expected);
    expect(String((error as Error).message)).toMatch(/rolled back, nothing of it was kept/);
    expect(await fixture()).toEqual(before);
  });

  it.each(refused)('refuses %s outside a transaction: the statement is rolled back', async (_what, sql, expected) => {
    const before = await fixture();
    const dir = await migrations({ '001_change.sql': `-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY IF NOT EXISTS a_label_idx ON a (label);\n${sql}\n` });
    const error = await withTraffic(() => up(dir).then(() => undefined, (e: unknown) => e));
    // the statement is line 3 in this file
    expect(String((error as Error | undefined)?.message)).toMatch(new RegExp(expected.source.replace('at line 1', 'at line 3')));
    expect(await fixture()).toEqual(before);
    // the index of the statement before was undone too
    expect((await client.query(`SELECT to_regclass('a_label_idx') AS r`)).rows[0].r).toBeNull();
  });

  it('passes each of them when declared', async () => {
    const log = captureLogger();
    const dir = await migrations({
      '001_declared_b.sql': `-- pgwarden:allow-data-loss b\nUPDATE a SET v = v + 1 WHERE id = 1;\n`,
      '002_declared_accounts.sql': `-- pgwarden:allow-data-loss accounts\nUPDATE accounts SET balance = balance + 1 WHERE id = 3;\n`,
      '003_declared_column.sql': `-- pgwarden:allow-data-loss prices.amount\nSELECT reprice();\n`,
    });
    const result = await withTraffic(() => up(dir, log));
    expect(result.migrations.map((m) => m.name)).toEqual(['001_declared_b', '002_declared_accounts', '003_declared_column']);
    expect(log.events.filter((e) => e.event === 'verify.failed')).toEqual([]);
    expect((await client.query(`SELECT count(*)::int AS n FROM b WHERE price = 0`)).rows[0].n).toBe(1000);
    expect((await client.query(`SELECT amount FROM prices WHERE id = 7`)).rows[0].amount).toBe(140);
  });

  it('passes backfills, an updated_at BEFORE trigger, a fill through a function, upserts, MERGE, partitions, widening and inserts with no declaration', async () => {
    const log = captureLogger();
    const dir = await migrations({
      '001_backfill.sql': `UPDATE big SET filled = amount * 2;\n`,
      // the BEFORE trigger rewrites updated_at in every row it updates: no tuple more
      '002_touch.sql': `UPDATE accounts SET note = 'seen' WHERE id <= 500;\n`,
      // a backfill of NULLs through a function (prices.changed_at is set by its BEFORE trigger too)
      '003_fill.sql': `SELECT fill_codes();\n`,
      '004_upsert.sql': `INSERT INTO accounts (id, balance, note) SELECT g, 100, 'upserted' FROM generate_series(995, 1005) g ON CONFLICT (id) DO UPDATE SET note = excluded.note;\n`,
      '005_from.sql': `UPDATE big SET filled = b.price FROM b WHERE big.id = b.id AND b.id <= 20;\n`,
      '005_merge.sql': `MERGE INTO big t USING (SELECT g AS id FROM generate_series(1, 30) g) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET filled = 0;\n`,
      // an AFTER trigger updating the row the statement just updated: twice the tuples, the same rows
      '006_same_rows.sql': `UPDATE docs SET body = 'edited' WHERE id <= 40;\n`,
      '006_partitions.sql': `UPDATE measures SET v = v + 1;\nUPDATE measures_1 SET v = v - 1 WHERE k < 10;\n`,
      // (a table the application does not write: a rewriting ALTER makes the rows other sessions committed
      // after the snapshot visible to it, see the report on issue 12)
      // the migration's own writes that no command tag counts: a DO block, a data-modifying CTE
      '007_do_block.sql': `UPDATE big SET filled = 1 WHERE id = 1;\nDO $$ BEGIN UPDATE big SET filled = 2 WHERE id <= 10; END $$;\n`,
      '007_cte.sql': `UPDATE big SET filled = 4 WHERE id = 6;\nWITH u AS (UPDATE big SET filled = 3 WHERE id <= 5 RETURNING id) SELECT count(*) FROM u;\n`,
      '007_widen.sql': `ALTER TABLE a ALTER COLUMN label TYPE varchar(200);\nALTER TABLE a ALTER COLUMN id TYPE bigint;\nINSERT INTO big SELECT g, g FROM generate_series(50000, 50100) g;\n`,
    });
    const result = await withTraffic(() => up(dir, log));
    expect(result.migrations.map((m) => m.name)).toEqual(['001_backfill', '002_touch', '003_fill', '004_upsert', '005_from', '005_merge', '006_partitions', '006_same_rows', '007_cte', '007_do_block', '007_widen']);
    expect(log.events.filter((e) => e.event === 'verify.failed' || e.event === 'verify.content-skipped')).toEqual([]);
    expect((await client.query(`SELECT count(*)::int AS n FROM prices WHERE code IS NULL AND id <= 200`)).rows[0].n).toBe(0);
    expect((await client.query(`SELECT count(*)::int AS n FROM accounts WHERE note = 'seen' AND updated_at > '2026-01-01'`)).rows[0].n).toBe(500);
    expect((await client.query(`SELECT count(*)::int AS n FROM docs WHERE version = 2`)).rows[0].n).toBe(40);
  });

  it('at read committed still compares the command tags, but says it cannot compare values (the profiles see the application)', async () => {
    const before = await fixture();
    const refusedDir = await migrations({ '009_rc.sql': `UPDATE accounts SET balance = balance + 1 WHERE id = 8;\n` });
    const error = await withTraffic(() => up(refusedDir, captureLogger(), 'read committed').then(() => undefined, (e: unknown) => e));
    expect(String((error as Error | undefined)?.message)).toMatch(/public\.accounts: 999 rows updated that no statement targets \(UPDATE at line 1 updated 1 row, the server counts 1000 updated\)/);
    expect(await fixture()).toEqual(before);
    const log = captureLogger();
    const dir = await migrations({ '010_rc_values.sql': `-- pgwarden:allow-data-loss prices.amount\n-- at read committed\nSELECT reprice();\n`, '011_rc_undeclared.sql': `SELECT reprice();\n` });
    // without traffic: at read committed the row and non-null counts see the application's deletes too
    const result = await up(dir, log, 'read committed');
    expect(result.migrations.map((m) => m.name), log.text()).toEqual(['010_rc_values', '011_rc_undeclared']);
    const skipped = log.events.filter((e) => e.event === 'verify.content-skipped').map((e) => String(e.fields.message));
    const why = ": values of tables no statement names (public.prices) not compared: at read committed the profiles see the application's writes";
    expect(skipped).toEqual([`010_rc_values${why}`, `011_rc_undeclared${why}`]);
  });

  it('passes the same outside a transaction', async () => {
    const log = captureLogger();
    const dir = await migrations({
      '008_outside.sql': `-- pgwarden:no-transaction\nUPDATE big SET filled = amount * 3;\nUPDATE accounts SET note = 'seen twice' WHERE id <= 500;\nSELECT fill_codes();\n`,
    });
    const result = await withTraffic(() => up(dir, log));
    expect(result.migrations.map((m) => m.name)).toEqual(['008_outside']);
    expect(log.events.filter((e) => e.event === 'verify.failed' || e.event === 'verify.content-skipped')).toEqual([]);
  });
});
