import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
// The built package (npm test builds first): src/cli/version.ts, which the runner imports, finds
// package.json only from dist/.
import { createRunner, safetyHooks } from '../../dist/src/index.js';
import { captureLogger, dataChecksums, schemaDump, seed } from './helpers.js';

let db: TestDatabase;
let client: pg.Client;
let work: string;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_safety_runner');
  client = await db.client();
  await seed(client);
  work = await mkdtemp(join(tmpdir(), 'pgwarden-safety-runner-'));
});

afterAll(async () => {
  await db?.drop();
  if (work) await rm(work, { recursive: true, force: true });
});

/** A migrations directory holding exactly these files. */
async function migrations(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(work, name);
  await mkdir(dir);
  for (const [file, sql] of Object.entries(files)) await writeFile(join(dir, file), sql);
  return dir;
}

function runner(dir: string, log = captureLogger()) {
  return createRunner({
    databaseUrl: db.url,
    dir,
    logger: log,
    hooks: [safetyHooks({ backupDir: join(work, 'backups') })],
    lint: { allowUnsafe: true },
  });
}

async function applied(): Promise<string[]> {
  const r = await client.query(`SELECT name FROM pgwarden.migrations ORDER BY name`).catch(() => ({ rows: [] as Array<{ name: string }> }));
  return r.rows.map((x) => x.name);
}

describe('the safety net inside the runner', () => {
  it('rolls back an undeclared DELETE and applies a declared one', async () => {
    const before = await dataChecksums(client);
    const log = captureLogger();
    const refused = await migrations('refused', { '001_purge.sql': 'DELETE FROM orders WHERE amount < 100;\n' });
    await expect(runner(refused, log).up()).rejects.toThrow(/public\.orders: 5000 rows before, 4\d{3} rows after/);
    expect(await dataChecksums(client)).toEqual(before);
    expect(await applied()).toEqual([]);
    expect(log.events.find((e) => e.event === 'restore.not-needed')?.fields.counts).toEqual(['public.orders: 5000 rows before, 5000 rows now']);

    const declared = await migrations('declared', { '001_purge.sql': '-- pgwarden:allow-data-loss orders\nDELETE FROM orders WHERE amount < 100;\n' });
    const result = await runner(declared).up();
    expect(result.migrations.map((m) => m.name)).toEqual(['001_purge']);
    expect(Number((await client.query('SELECT count(*) FROM orders')).rows[0].count)).toBeLessThan(5000);
  });

  it('restores a no-transaction migration that built an index concurrently and then failed', async () => {
    const schema = await schemaDump(db.url);
    const data = await dataChecksums(client);
    const log = captureLogger();
    const dir = await migrations('half', {
      '001_purge.sql': '-- pgwarden:allow-data-loss orders\nDELETE FROM orders WHERE amount < 100;\n',
      '002_half.sql': `-- pgwarden:no-transaction
-- pgwarden:allow-data-loss accounts.note
CREATE INDEX CONCURRENTLY accounts_note_idx ON accounts (note);
UPDATE accounts SET note = NULL WHERE id < 1000;
SELECT 1 / 0;
`,
    });
    await expect(runner(dir, log).up()).rejects.toThrow(/division by zero/);
    expect(await schemaDump(db.url)).toBe(schema);
    expect(await dataChecksums(client)).toEqual(data);
    const done = log.events.find((e) => e.event === 'restore.done');
    expect(done?.fields.schema).toBe('schema dump identical to before (comments, grants, owners, defaults included)');
    expect(done?.fields.dropped).toEqual(['index public.accounts.accounts_note_idx']);
  });
});
