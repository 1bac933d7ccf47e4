import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { safetyHooks, listBackups, BackupError } from '../../src/safety/index.js';
import { manifestSchema, prepareBackupDir } from '../../src/safety/backup-store.js';
import { applyWithHooks, captureLogger, dataChecksums, migration, seed } from './helpers.js';

let db: TestDatabase;
let client: pg.Client;
let work: string;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_safety_backup');
  client = await db.client();
  await seed(client);
  work = await mkdtemp(join(tmpdir(), 'pgwarden-backup-'));
});

afterAll(async () => {
  await db?.drop();
  if (work) await rm(work, { recursive: true, force: true });
});

/** The test database's URL with a password: trust auth ignores it, so it must only never leak. */
function urlWithPassword(): string {
  const u = new URL(db.url);
  u.password = 'Sekr3t-pass';
  return u.toString();
}

const deleteOrders = () => migration('020_delete.sql', `-- pgwarden:allow-data-loss orders\nDELETE FROM orders WHERE id > 4990;`, ['public.orders']);

describe('backups', () => {
  it('writes a 0600 dump of the schema plus the data at risk, and a valid manifest beside it, in a 0700 directory', async () => {
    const dir = join(work, 'nested', 'backups');
    const log = captureLogger();
    const outcome = await applyWithHooks(urlWithPassword(), safetyHooks({ backupDir: dir }), [deleteOrders()], log);
    expect(outcome.failed).toBeUndefined();
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    const files = (await readdir(dir)).sort();
    expect(files).toHaveLength(2);
    for (const f of files) expect((await stat(join(dir, f))).mode & 0o777).toBe(0o600);

    const manifestFile = files.find((f) => f.endsWith('.json'))!;
    const text = await readFile(join(dir, manifestFile), 'utf8');
    expect(text).not.toContain('Sekr3t-pass');
    expect(log.text()).not.toContain('Sekr3t-pass');
    const manifest = manifestSchema.parse(JSON.parse(text));
    expect(manifest.database).toBe(urlWithPassword().replace('Sekr3t-pass', '*****'));
    expect(manifest.serverVersion).toMatch(/^\d+\.\d+/);
    expect(manifest.pgwardenVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(manifest.migrations).toEqual(['020_delete.sql']);
    expect(manifest.tables).toEqual([{ name: 'public.orders', rows: 5000, exact: true, checksum: expect.stringMatching(/^[0-9a-f]{16}$/), bytes: expect.any(Number) }]);
    expect(new Date(manifest.createdAt).getTime()).not.toBeNaN();
    const dump = await readFile(join(dir, manifest.dumpFile!));
    expect(manifest.dumpBytes).toBe(dump.length);
    expect(manifest.sha256).toBe(createHash('sha256').update(dump).digest('hex'));

    // whole schema, data of the table at risk only
    const toc = spawnSync('pg_restore', ['--list', join(dir, manifest.dumpFile!)], { encoding: 'utf8' }).stdout;
    expect(toc).toMatch(/TABLE DATA public orders /);
    expect(toc).not.toMatch(/TABLE DATA public (accounts|events) /);
    expect(toc).toMatch(/ TABLE public events /);
  });

  it('takes the data of every table with --backup full, and prunes to --keep', async () => {
    const dir = join(work, 'full');
    for (let i = 0; i < 3; i++) {
      const m = migration(`03${i}_touch.sql`, `UPDATE accounts SET note = note WHERE id = ${i + 1};`, ['public.accounts']);
      const outcome = await applyWithHooks(db.url, safetyHooks({ backup: 'full', backupDir: dir, keep: 2 }), [m], captureLogger());
      expect(outcome.failed).toBeUndefined();
    }
    const backups = await listBackups(dir);
    expect(backups.map((b) => b.migrations[0])).toEqual(['031_touch.sql', '032_touch.sql']);
    expect((await readdir(dir)).length).toBe(4);
    const toc = spawnSync('pg_restore', ['--list', join(dir, backups[1].dumpFile!)], { encoding: 'utf8' }).stdout;
    expect(toc).toMatch(/TABLE DATA public events /);
  });

  it('refuses, in one line and before applying anything, a pg_dump older than the server', async () => {
    const fake = join(work, 'old', 'pg_dump');
    await mkdir(join(work, 'old'));
    await writeFile(fake, '#!/bin/sh\necho "pg_dump (PostgreSQL) 11.22"\n');
    await chmod(fake, 0o755);
    const data = await dataChecksums(client);
    const message = (await applyWithHooks(db.url, safetyHooks({ backupDir: join(work, 'never'), pgDumpPath: fake }), [deleteOrders()], captureLogger()).catch(
      (e: Error) => e,
    )) as Error;
    expect(message).toBeInstanceOf(BackupError);
    expect(message.message).toMatch(
      /^cannot take a backup: pg_dump 11\.22 \(.*old\/pg_dump\) cannot dump this PostgreSQL 1\d\.\d+ server: install the PostgreSQL 1\d client tools .* or use --backup snapshot$/,
    );
    expect(message.message).not.toContain('\n');
    expect(await dataChecksums(client)).toEqual(data);
  });

  it('refuses, in one line, when there is no pg_dump at all', async () => {
    const data = await dataChecksums(client);
    const error = (await applyWithHooks(db.url, safetyHooks({ backupDir: join(work, 'never'), pgDumpPath: join(work, 'missing', 'pg_dump') }), [deleteOrders()], captureLogger()).catch(
      (e: Error) => e,
    )) as Error;
    expect(error).toBeInstanceOf(BackupError);
    expect(error.message).toMatch(/^cannot take a backup: pg_dump not found \(.*missing\/pg_dump\): install the PostgreSQL \d+ client tools/);
    expect(await dataChecksums(client)).toEqual(data);
  });

  it('refuses a backup directory it cannot write', async () => {
    const file = join(work, 'a-file');
    await writeFile(file, '');
    const error = (await applyWithHooks(db.url, safetyHooks({ backupDir: join(file, 'backups') }), [deleteOrders()], captureLogger()).catch((e: Error) => e)) as Error;
    expect(error).toBeInstanceOf(BackupError);
    expect(error.message).toBe(`backup directory ${join(file, 'backups')} is not writable (ENOTDIR): choose another with --backup-dir`);
  });

  it('refuses a backup that would not fit on the disk', async () => {
    const dir = join(work, 'small');
    const error = (await prepareBackupDir(dir, Number.MAX_SAFE_INTEGER).catch((e: Error) => e)) as Error;
    expect(error).toBeInstanceOf(BackupError);
    expect(error.message).toMatch(new RegExp(`^not enough disk space for the backup in ${dir}: about \\d+ TB needed, [\\d.]+ [kMGT]?B free; free some space or choose another --backup-dir$`));
  });
});
