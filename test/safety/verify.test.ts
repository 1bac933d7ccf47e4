import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { safetyHooks } from '../../src/safety/index.js';
import { VerificationError } from '../../src/safety/errors.js';
import { applyWithHooks, captureLogger, dataChecksums, migration, seed } from './helpers.js';

let db: TestDatabase;
let client: pg.Client;
let backupDir: string;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_safety_verify');
  client = await db.client();
  await seed(client);
  backupDir = await mkdtemp(join(tmpdir(), 'pgwarden-verify-'));
});

afterAll(async () => {
  await db?.drop();
  if (backupDir) await rm(backupDir, { recursive: true, force: true });
});

async function count(table: string): Promise<number> {
  return Number((await client.query(`SELECT count(*) FROM ${table}`)).rows[0].count);
}

describe('row-count verification inside the migration transaction', () => {
  it('rolls back an undeclared DELETE, naming the table, the counts and the statement, and leaves counts intact', async () => {
    const before = await dataChecksums(client);
    const log = captureLogger();
    const m = migration('002_cleanup.sql', `UPDATE accounts SET note = 'x' WHERE id = 1;\nDELETE FROM orders WHERE amount < 100;`, ['public.accounts', 'public.orders'], {
      risks: [{ table: 'public.orders', reason: 'DELETE', statement: 'DELETE FROM orders WHERE amount < 100', line: 2 }],
    });
    const outcome = await applyWithHooks(db.url, safetyHooks({ backupDir }), [m], log);
    expect(outcome.failed?.error).toBeInstanceOf(VerificationError);
    const message = (outcome.failed?.error as Error).message;
    expect(message).toMatch(/public\.orders: 5000 rows before, 4\d\d\d rows after by DELETE at line 2: DELETE FROM orders WHERE amount < 100/);
    expect(message).toContain('-- pgwarden:allow-data-loss public.orders');
    expect(message).not.toContain('public.accounts:');
    expect(await dataChecksums(client)).toEqual(before);
    const unchanged = log.events.find((e) => e.event === 'restore.not-needed');
    expect(unchanged?.fields.message).toBe('migration 002_cleanup.sql was rolled back: database left unchanged (public.accounts: 3000 rows before, 3000 rows now; public.orders: 5000 rows before, 5000 rows now)');
    expect(unchanged?.fields.counts).toEqual(['public.accounts: 3000 rows before, 3000 rows now', 'public.orders: 5000 rows before, 5000 rows now']);
  });

  it('accepts a decrease declared with allow-data-loss', async () => {
    const log = captureLogger();
    const m = migration('003_purge.sql', `-- pgwarden:allow-data-loss events\nDELETE FROM events WHERE id > 1900;`, ['public.events']);
    const outcome = await applyWithHooks(db.url, safetyHooks({ backupDir }), [m], log);
    expect(outcome.failed).toBeUndefined();
    expect(await count('events')).toBe(1900);
    expect(log.events.find((e) => e.event === 'verify.ok')?.fields.counts).toEqual(['public.events: 100 rows deleted (data loss allowed)']);
  });

  it('refuses an undeclared DROP TABLE and keeps the table', async () => {
    const log = captureLogger();
    const m = migration('004_drop.sql', `DROP VIEW big_orders;\nDROP TABLE orders;`, ['public.orders']);
    const outcome = await applyWithHooks(db.url, safetyHooks({ backupDir }), [m], log);
    expect((outcome.failed?.error as Error).message).toMatch(/^migration 004_drop\.sql lost rows it did not declare \(public\.orders: 5000 rows before, table dropped after by DROP TABLE at line 2: DROP TABLE orders\)/);
    expect(await count('orders')).toBe(5000);
  });

  it('accepts a declared DROP TABLE', async () => {
    await client.query('CREATE TABLE scratch AS SELECT g AS n FROM generate_series(1, 10) g');
    const m = migration('005_drop_scratch.sql', `-- pgwarden:allow-data-loss public.scratch\nDROP TABLE scratch;`, ['public.scratch']);
    const outcome = await applyWithHooks(db.url, safetyHooks({ backupDir }), [m], captureLogger());
    expect(outcome.failed).toBeUndefined();
    expect((await client.query(`SELECT to_regclass('scratch') AS t`)).rows[0].t).toBeNull();
  });

  it('is not fooled by concurrent inserts and deletes of another session', async () => {
    const other = await db.client();
    const log = captureLogger();
    const before = await count('events');
    // The migration only rewrites payloads; meanwhile the application deletes 50 events and adds 20.
    const m = migration('006_payloads.sql', `UPDATE events SET payload = payload || '{"seen": true}' WHERE id <= 100;`, ['public.events']);
    const traffic = async () => {
      await other.query(`INSERT INTO events (payload) SELECT '{}' FROM generate_series(1, 20)`);
      await other.query(`DELETE FROM events WHERE id > 1800 AND id <= 1850`);
    };
    const outcome = await applyWithHooks(db.url, safetyHooks({ backupDir }), [m], log, traffic);
    expect(outcome.failed).toBeUndefined();
    expect(log.events.find((e) => e.event === 'verify.ok')?.fields.counts).toEqual([`public.events: ${before} rows before, ${before} rows after`]);
    expect(await count('events')).toBe(before - 30);
  });

  it('falls back to the planner estimate above verifyMaxRows, loudly', async () => {
    const log = captureLogger();
    const m = migration('007_touch.sql', `UPDATE events SET payload = payload WHERE id = 1;`, ['public.events']);
    const outcome = await applyWithHooks(db.url, safetyHooks({ backup: 'none', verifyMaxRows: 100 }), [m], log);
    expect(outcome.failed).toBeUndefined();
    const warning = log.events.find((e) => e.event === 'verify.estimate');
    expect(warning?.level).toBe('warn');
    expect(warning?.fields.message).toMatch(/^public\.events holds about \d+ rows, above --verify-max-rows 100: verifying by the planner's estimate/);
    expect(log.events.find((e) => e.event === 'backup.skipped')?.level).toBe('warn');
  });
});
