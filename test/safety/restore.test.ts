import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmod, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { clientOnPath, testServerMajor } from '../helpers/server.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { safetyHooks } from '../../src/safety/index.js';
import { RestoreError, VerificationError } from '../../src/safety/errors.js';
import { parseToolVersion } from '../../src/safety/pg-tools.js';
import { applyWithHooks, captureLogger, dataChecksums, migration, schemaDump, seed } from './helpers.js';

let db: TestDatabase;
let client: pg.Client;
let backupDir: string;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_safety_restore');
  client = await db.client();
  await seed(client);
  backupDir = await mkdtemp(join(tmpdir(), 'pgwarden-restore-'));
});

afterAll(async () => {
  await db?.drop();
  if (backupDir) await rm(backupDir, { recursive: true, force: true });
});

async function sequenceValue(name: string): Promise<string> {
  return (await client.query(`SELECT last_value::text AS v FROM ${name}`)).rows[0].v;
}

describe('restore after a failed migration outside a transaction', () => {
  it('puts back an index built concurrently, a new table and column, deleted and updated rows, and the sequence', async () => {
    const schema = await schemaDump(db.url);
    const data = await dataChecksums(client);
    const seq = await sequenceValue('accounts_id_seq');
    const log = captureLogger();
    const m = migration(
      '010_half.sql',
      `-- pgwarden:no-transaction
-- pgwarden:allow-data-loss orders
CREATE INDEX CONCURRENTLY accounts_note_idx ON accounts (note);
CREATE TABLE audit_log (id int PRIMARY KEY, what text);
ALTER TABLE orders ADD COLUMN discount numeric;
DELETE FROM orders WHERE amount < 50;
UPDATE accounts SET note = 'gone' WHERE id % 2 = 0;
INSERT INTO accounts (email) VALUES ('late@example.com');
SELECT 1 / 0;
`,
      ['public.orders', 'public.accounts'],
    );
    const outcome = await applyWithHooks(db.url, safetyHooks({ backupDir }), [m], log);
    expect((outcome.failed?.error as Error).message).toBe('division by zero');
    expect(outcome.restoreError).toBeUndefined();
    expect(await schemaDump(db.url)).toBe(schema);
    expect(await dataChecksums(client)).toEqual(data);
    // never set back: the id the migration's insert drew stays used
    expect(BigInt(await sequenceValue('accounts_id_seq'))).toBe(BigInt(seq) + 1n);

    const done = log.events.find((e) => e.event === 'restore.done');
    const steps = log.events.filter((e) => e.event === 'restore.step').map((e) => String(e.fields.step));
    expect(done?.fields.schema).toBe('schema dump identical to before (comments, grants, owners, defaults included)');
    expect(done?.fields.dropped).toEqual(['index public.accounts.accounts_note_idx', 'table public.audit_log', 'column public.orders.discount numeric']);
    expect(steps).toEqual(
      expect.arrayContaining([
        'rows of public.accounts changed by statement 6 (line 8): 0 put back, 1 inserted by it removed',
        'rows of public.accounts changed by statement 5 (line 7): 1500 put back, 0 inserted by it removed',
        'rows of public.orders changed by statement 4 (line 6): 270 put back, 0 inserted by it removed',
      ]),
    );
    expect(steps.some((s) => s.startsWith('sequence'))).toBe(false);
  });

  it('undoes the statements before a verification failure, re-creating a dropped view from the backup', async () => {
    const schema = await schemaDump(db.url);
    const data = await dataChecksums(client);
    const log = captureLogger();
    const m = migration('011_drops.sql', `-- pgwarden:no-transaction\nDROP VIEW big_orders;\nDROP TABLE events;\n`, ['public.events']);
    const outcome = await applyWithHooks(db.url, safetyHooks({ backupDir }), [m], log);
    expect(outcome.failed?.error).toBeInstanceOf(VerificationError);
    expect((outcome.failed?.error as Error).message).toContain('public.events: 2000 rows before, table dropped after by the statement at line 3: DROP TABLE events');
    expect(outcome.restoreError).toBeUndefined();
    expect(await schemaDump(db.url)).toBe(schema);
    expect(await dataChecksums(client)).toEqual(data);
    expect(log.events.find((e) => e.event === 'restore.done')?.fields.recreated).toEqual(['view public.big_orders']);
  });

  it('re-creates a dropped table with a pg_restore newer than the server: its SQL goes through psql without SET transaction_timeout', async () => {
    // client tools that are 18's as far as this server can tell: they say so, and pg_restore's SQL sets
    // transaction_timeout (its direct restore fails on servers before 17, like 18's own)
    const tools = await mkdtemp(join(tmpdir(), 'pgwarden-tools18-'));
    await writeFile(join(tools, 'pg_dump'), `#!/bin/sh\ncase "$1" in --version) echo "pg_dump (PostgreSQL) 18.6"; exit 0;; esac\nexec ${clientOnPath('pg_dump')} "$@"\n`);
    await writeFile(
      join(tools, 'pg_restore'),
      `#!${process.execPath}
const { spawnSync } = require('node:child_process');
const args = process.argv.slice(2);
if (args.includes('--version')) { console.log('pg_restore (PostgreSQL) 18.6'); process.exit(0); }
const run = (cmd, a, input) => spawnSync(cmd, a, { input, encoding: 'utf8', maxBuffer: 1 << 30 });
if (!args.some((a) => a.startsWith('--use-list='))) { const r = spawnSync(${JSON.stringify(clientOnPath('pg_restore'))}, args, { stdio: 'inherit' }); process.exit(r.status ?? 1); }
const db = args.find((a) => a.startsWith('--dbname='));
const sql = run(${JSON.stringify(clientOnPath('pg_restore'))}, [...args.filter((a) => a !== db && a !== '--exit-on-error' && a !== '--file=-'), '--file=-']);
if (sql.status !== 0) { process.stderr.write(sql.stderr); process.exit(1); }
const script = 'SET transaction_timeout = 0;\\n' + sql.stdout;
if (!db) { process.stdout.write(script); process.exit(0); }
const r = run('psql', ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1', db], script);
process.stderr.write(r.stderr);
process.exit(r.status === 0 ? 0 : 1);
`,
    );
    for (const tool of ['pg_dump', 'pg_restore']) await chmod(join(tools, tool), 0o755);
    const schema = await schemaDump(db.url);
    const data = await dataChecksums(client);
    const log = captureLogger();
    const m = migration('011b_drop.sql', `-- pgwarden:no-transaction\n-- pgwarden:allow-data-loss events\nDROP VIEW big_orders;\nDROP TABLE events;\nSELECT 1 / 0;\n`, ['public.events']);
    const outcome = await applyWithHooks(db.url, safetyHooks({ backupDir: join(backupDir, 'newer-client'), pgDumpPath: join(tools, 'pg_dump') }), [m], log);
    expect((outcome.failed?.error as Error).message).toBe('division by zero');
    expect(outcome.restoreError).toBeUndefined();
    expect(await schemaDump(db.url)).toBe(schema);
    expect(await dataChecksums(client)).toEqual(data);
    const through = log.events.some((e) => e.event === 'restore.step' && String(e.fields.step).includes('as SQL through psql without SET transaction_timeout'));
    expect(through).toBe(testServerMajor() < 17);
    await rm(tools, { recursive: true, force: true });
  });

  it('round-trips with the snapshot engine (no client binaries)', async () => {
    const data = await dataChecksums(client);
    const log = captureLogger();
    const m = migration(
      '012_snapshot.sql',
      `-- pgwarden:no-transaction
-- pgwarden:allow-data-loss orders, events
CREATE INDEX CONCURRENTLY orders_amount_idx ON orders (amount);
DELETE FROM orders WHERE account_id < 500;
UPDATE events SET payload = NULL;
SELECT 1 / 0;
`,
      ['public.orders', 'public.events'],
    );
    const outcome = await applyWithHooks(db.url, safetyHooks({ backup: 'snapshot', backupDir, pgDumpPath: '/nonexistent/pg_dump' }), [m], log);
    expect((outcome.failed?.error as Error).message).toBe('division by zero');
    expect(outcome.restoreError).toBeUndefined();
    expect(await dataChecksums(client)).toEqual(data);
    expect((await client.query(`SELECT to_regclass('orders_amount_idx') AS i`)).rows[0].i).toBeNull();
    const created = log.events.find((e) => e.event === 'backup.created');
    expect(created?.fields.engine).toBe('snapshot');
    // the backup's two copies stay; the before-images went once the undo was complete
    const copies = await client.query(`SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'pgwarden_backup'`);
    expect(copies.rows[0].n).toBe(2);
    expect(log.events.find((e) => e.event === 'restore.done')?.fields.schema).toBe('schema compared by catalog only');
  });

  it('leaves the backup in place when the restore itself fails, and prints the pg_restore command that finishes it', async () => {
    const data = await dataChecksums(client);
    // a pg_restore that can read archives but fails to load them
    const tools = await mkdtemp(join(tmpdir(), 'pgwarden-tools-'));
    await symlink(clientOnPath('pg_dump'), join(tools, 'pg_dump'));
    await writeFile(join(tools, 'pg_restore'), `#!/bin/sh\ncase "$1" in --list) exec ${clientOnPath('pg_restore')} "$@";; esac\necho "pg_restore: error: simulated failure" >&2\nexit 1\n`);
    await chmod(join(tools, 'pg_restore'), 0o755);
    const dir = join(backupDir, 'failing');
    const url = new URL(db.url);
    url.password = 'Sekr3t-pass';
    const log = captureLogger();
    const m = migration('013_fails.sql', `-- pgwarden:no-transaction\n-- pgwarden:allow-data-loss events\nDELETE FROM events WHERE id < 100;\nDROP VIEW big_orders;\nSELECT 1 / 0;\n`, ['public.events']);
    const outcome = await applyWithHooks(url.toString(), safetyHooks({ backupDir: dir, pgDumpPath: join(tools, 'pg_dump') }), [m], log);
    expect(outcome.restoreError).toBeInstanceOf(RestoreError);
    const message = (outcome.restoreError as Error).message;
    expect(message).not.toContain('Sekr3t');
    expect(log.text()).not.toContain('Sekr3t');
    const [dump] = (await readdir(dir)).filter((f) => f.endsWith('.dump'));
    const restoreArgs = `--single-transaction --exit-on-error --use-list=${join(dir, dump)}.undo-LIST.list ${join(dir, dump)}`;
    // a pg_restore newer than the server (the matrix's 16 with 18's client) goes through psql without SET transaction_timeout
    const clientMajor = parseToolVersion(spawnSync(clientOnPath('pg_dump'), ['--version'], { encoding: 'utf8' }).stdout)!.major;
    const byHand =
      clientMajor >= 17 && testServerMajor() < 17
        ? `${join(tools, 'pg_restore')} ${restoreArgs} --file=- | grep -Ev '^SET (transaction_timeout) = ' | PGPASSWORD=<password> psql --no-psqlrc --quiet --set=ON_ERROR_STOP=1 --dbname=${db.url}`
        : `PGPASSWORD=<password> ${join(tools, 'pg_restore')} ${restoreArgs} --dbname=${db.url}`;
    // the list file is named by the time of the undo
    expect(message.replace(/\.undo-\d+\.list/, '.undo-LIST.list')).toBe(`restore failed: pg_restore failed: pg_restore: error: simulated failure; the backup is kept; to finish by hand: ${byHand}`);
    expect(log.events.find((e) => e.event === 'restore.failed')?.level).toBe('error');
    // the rows are back already (from the before-images); the view is what the command re-creates
    expect(Number((await client.query('SELECT count(*) FROM events')).rows[0].count)).toBe(2000);
    expect((await client.query(`SELECT to_regclass('big_orders') AS v`)).rows[0].v).toBeNull();

    // the DBA's side: the printed command, with the real pg_restore, finishes the job
    const command = (outcome.restoreError as RestoreError).manualCommand!.replace('PGPASSWORD=<password> ', '').replace(join(tools, 'pg_restore'), 'pg_restore');
    const manual = spawnSync('sh', ['-c', command], { encoding: 'utf8' });
    expect(manual.stderr).toBe('');
    expect(manual.status).toBe(0);
    expect(await dataChecksums(client)).toEqual(data);
    await rm(tools, { recursive: true, force: true });
  });
});
