import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';

/** `pgwarden calibrate` measures on the server and leaves nothing behind. */
const bin = resolve(import.meta.dirname, '../../bin/pgwarden.js');
let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_calibrate');
});
afterAll(async () => {
  await db?.drop();
});

describe('pgwarden calibrate', () => {
  it('prints three throughputs measured on a scratch table, then drops it', async () => {
    const r = spawnSync(process.execPath, [bin, 'calibrate', '--database-url', db.url, '--rows', '20000'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const result = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(result).toMatchObject({ source: 'calibrated', rows: 20000 });
    for (const key of ['rewriteBytesPerSecond', 'indexBytesPerSecond', 'scanBytesPerSecond', 'tableBytes']) expect(result[key]).toBeGreaterThan(0);
    const c = await db.client();
    const left = await c.query("SELECT relname FROM pg_class WHERE relname LIKE 'pgwarden_calibrate_%'");
    expect(left.rows).toEqual([]);
  });

  it('refuses a scratch table too small to measure, in one line', () => {
    const r = spawnSync(process.execPath, [bin, 'calibrate', '--database-url', db.url, '--rows', '10'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe("pgwarden: --rows expects a whole number of at least 1000, got '10'\n");
  });
});
