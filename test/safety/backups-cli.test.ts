import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { listBackups, safetyHooks } from '../../src/safety/index.js';
import { applyWithHooks, captureLogger, dataChecksums, migration, schemaDump, seed } from './helpers.js';

const bin = resolve(import.meta.dirname, '../../bin/pgwarden.js');

let db: TestDatabase;
let client: pg.Client;
let backupDir: string;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_safety_cli');
  client = await db.client();
  await seed(client);
  // the runner's own schema exists in a real database: backups must leave it out
  await client.query(`CREATE SCHEMA pgwarden; CREATE TABLE pgwarden.migrations (name text PRIMARY KEY)`);
  backupDir = await mkdtemp(join(tmpdir(), 'pgwarden-cli-'));
});

afterAll(async () => {
  await db?.drop();
  if (backupDir) await rm(backupDir, { recursive: true, force: true });
});

function pgwarden(args: string[]) {
  const env = { ...process.env };
  delete env.DATABASE_URL;
  return spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', input: '', env });
}

describe('pgwarden backups', () => {
  it('lists backups, refuses to restore without a terminal or --yes, and restores and verifies with --yes', async () => {
    const schema = await schemaDump(db.url);
    const data = await dataChecksums(client);
    const m = migration('040_purge.sql', `-- pgwarden:allow-data-loss orders\nDELETE FROM orders WHERE account_id <= 1000;`, ['public.orders']);
    expect((await applyWithHooks(db.url, safetyHooks({ backupDir }), [m], captureLogger())).failed).toBeUndefined();
    // later changes the restore must undo: a new table and index, and more rows gone
    await client.query(`CREATE TABLE later (id int); CREATE INDEX orders_amount_idx ON orders (amount); DELETE FROM orders WHERE amount > 500`);
    const [backup] = await listBackups(backupDir);

    const list = pgwarden(['backups', 'list', '--backup-dir', backupDir]);
    expect(list.status).toBe(0);
    const [header, row] = list.stdout.trim().split('\n');
    expect(header).toMatch(/^ID\s+CREATED\s+DATABASE\s+MIGRATIONS\s+TABLES\s+SIZE$/);
    expect(row).toMatch(new RegExp(`^${backup.id}\\s+${backup.createdAt}\\s+postgres://\\S+\\s+040_purge\\.sql\\s+public\\.orders \\(5000\\)\\s+\\d+(\\.\\d)? kB$`));

    const refused = pgwarden(['backups', 'restore', backup.id, '--backup-dir', backupDir, '--database-url', db.url]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toBe(`pgwarden: refusing to restore backup ${backup.id} without confirmation: standard input is not a terminal; pass --yes\n`);

    const unknown = pgwarden(['backups', 'restore', 'nope', '--backup-dir', backupDir, '--database-url', db.url, '--yes']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toBe(`pgwarden: no backup 'nope' in ${backupDir} (pgwarden backups list shows them)\n`);

    const restored = pgwarden(['backups', 'restore', backup.id, '--backup-dir', backupDir, '--database-url', db.url, '--yes']);
    expect(restored.stderr).toContain('restore: DROP TABLE IF EXISTS "public"."later" CASCADE');
    expect(restored.status).toBe(0);
    expect(restored.stdout).toMatch(/^  public\.orders: 5000 rows, checksum (\w+) — manifest: 5000 rows, checksum \1 OK$/m);
    expect(restored.stdout).toContain('schema: identical to the backup');
    expect(await schemaDump(db.url)).toBe(schema);
    expect(await dataChecksums(client)).toEqual(data);
  });
});
