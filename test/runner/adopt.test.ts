import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import { join } from 'node:path';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { runCli, tempProject, type Project } from './helpers.js';
import { createRunner } from '../../src/runner/runner.js';
import { silentLogger } from '../../src/runner/logger.js';
import { flywayChecksum, type AdoptSource } from '../../src/runner/foreign-history.js';

/**
 * A database migrated until now by another tool: `migrate adopt --from TOOL` reads that tool's history
 * table (created here as the tool creates it), `migrate baseline` marks files applied; the next `up`
 * applies only what is really pending.
 */
let db: TestDatabase;
let client: pg.Client;
let project: Project;

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_adopt');
  client = await db.client();
});
afterAll(async () => {
  await db.drop();
});
beforeEach(async () => {
  project = await tempProject();
  await client.query('drop schema if exists pgwarden cascade; drop schema public cascade; create schema public');
});
afterEach(async () => {
  await project.remove();
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const runner = () => createRunner({ databaseUrl: db.url, dir: project.dir, logger: silentLogger, hooks: [] });

async function history(): Promise<Array<{ name: string; checksum: string; applied_at: Date; applied_by: string }>> {
  return (await client.query('select name, checksum, applied_at, applied_by from pgwarden.migrations order by name')).rows;
}

interface ToolCase {
  from: AdoptSource;
  /** file path under migrations/ → SQL; the first two were applied by the tool, the third is new. */
  files: Array<[string, string]>;
  names: [string, string, string];
  /** Creates the tool's table and its rows (the tool applied the first two files). */
  setup: (files: Array<[string, string]>) => string;
  /** The tool records when it applied each. */
  times: boolean;
}

const T1 = '2024-01-05T10:00:00.000Z';
const T2 = '2024-02-06T11:00:00.000Z';
const init = 'CREATE TABLE accounts (id int PRIMARY KEY);\n';
const add = 'ALTER TABLE accounts ADD COLUMN email text;\n';
const fresh = 'CREATE TABLE invoices (id int PRIMARY KEY);\n';

const CASES: ToolCase[] = [
  {
    from: 'prisma',
    files: [['20240105100000_init/migration.sql', init], ['20240206110000_add/migration.sql', add], ['20240301000000_new/migration.sql', fresh]],
    names: ['20240105100000_init', '20240206110000_add', '20240301000000_new'],
    times: true,
    setup: (f) => `
      CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL,
        logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0);
      INSERT INTO _prisma_migrations VALUES
        ('a', '${sha(f[0][1])}', '${T1}', '20240105100000_init', null, null, '${T1}'::timestamptz - interval '2 seconds', 1),
        ('b', '${sha(f[1][1])}', '${T2}', '20240206110000_add', null, null, '${T2}', 1),
        ('c', '${sha(f[2][1])}', null, '20240301000000_new', 'failed', '${T2}', '${T2}', 0);`,
  },
  {
    from: 'flyway',
    files: [['V1__init.sql', init], ['V2__add.sql', add], ['V3__new.sql', fresh]],
    names: ['V1__init', 'V2__add', 'V3__new'],
    times: true,
    setup: (f) => `
      CREATE TABLE flyway_schema_history (installed_rank int PRIMARY KEY, version varchar(50), description varchar(200) NOT NULL, type varchar(20) NOT NULL,
        script varchar(1000) NOT NULL, checksum int, installed_by varchar(100) NOT NULL, installed_on timestamptz NOT NULL DEFAULT now(), execution_time int NOT NULL, success boolean NOT NULL);
      INSERT INTO flyway_schema_history VALUES
        (1, '1', 'init', 'SQL', 'V1__init.sql', ${flywayChecksum(f[0][1])}, 'app', '${T1}', 12, true),
        (2, '2', 'add', 'SQL', 'V2__add.sql', ${flywayChecksum(f[1][1])}, 'app', '${T2}', 7, true),
        (3, '3', 'new', 'SQL', 'V3__new.sql', ${flywayChecksum(f[2][1])}, 'app', '${T2}', 1, false);`,
  },
  {
    from: 'golang-migrate',
    files: [['1_init.up.sql', init], ['2_add.up.sql', add], ['3_new.up.sql', fresh]],
    names: ['1_init', '2_add', '3_new'],
    times: false,
    setup: () => 'CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (2, false);',
  },
  {
    from: 'dbmate',
    files: [['20240105100000_init.sql', `-- migrate:up\n${init}`], ['20240206110000_add.sql', `-- migrate:up\n${add}`], ['20240301000000_new.sql', `-- migrate:up\n${fresh}`]],
    names: ['20240105100000_init', '20240206110000_add', '20240301000000_new'],
    times: false,
    setup: () => "CREATE TABLE schema_migrations (version character varying(128) NOT NULL PRIMARY KEY); INSERT INTO schema_migrations VALUES ('20240105100000'), ('20240206110000');",
  },
  {
    from: 'rails',
    files: [['20240105100000_init.sql', init], ['20240206110000_add.sql', add], ['20240301000000_new.sql', fresh]],
    names: ['20240105100000_init', '20240206110000_add', '20240301000000_new'],
    times: false,
    setup: () => `CREATE TABLE schema_migrations (version character varying NOT NULL PRIMARY KEY);
      CREATE TABLE ar_internal_metadata (key character varying NOT NULL PRIMARY KEY, value character varying, created_at timestamp(6) NOT NULL, updated_at timestamp(6) NOT NULL);
      INSERT INTO schema_migrations VALUES ('20240105100000'), ('20240206110000');`,
  },
  {
    from: 'knex',
    files: [['20240105100000_init.sql', init], ['20240206110000_add.sql', add], ['20240301000000_new.sql', fresh]],
    names: ['20240105100000_init', '20240206110000_add', '20240301000000_new'],
    times: true,
    setup: () => `CREATE TABLE knex_migrations (id serial PRIMARY KEY, name varchar(255), batch integer, migration_time timestamptz);
      INSERT INTO knex_migrations (name, batch, migration_time) VALUES ('20240105100000_init.js', 1, '${T1}'), ('20240206110000_add.js', 2, '${T2}');`,
  },
];

async function writeFiles(files: Array<[string, string]>): Promise<void> {
  for (const [path, sql] of files) {
    await mkdir(join(project.dir, path, '..'), { recursive: true });
    await writeFile(join(project.dir, path), sql);
  }
}

describe('migrate adopt --from each tool', { timeout: 120_000 }, () => {
  it.each(CASES)('$from: shows what it will record, records names, times and checksums, and up applies only the new migration', async (c) => {
    await writeFiles(c.files);
    // the schema the tool built: its two migrations ran
    await client.query(init + add + c.setup(c.files));
    const preview = await runner().adopt({ from: c.from });
    expect(preview.recorded).toBe(false);
    expect(preview.entries.map((e) => e.name)).toEqual(c.names.slice(0, 2));
    expect((await client.query("select to_regclass('pgwarden.migrations') as t")).rows[0].t).toBeNull();

    const done = await runner().adopt({ from: c.from, record: true });
    expect(done.recorded).toBe(true);
    const rows = await history();
    expect(rows.map((r) => r.name)).toEqual(c.names.slice(0, 2));
    expect(rows.map((r) => r.checksum)).toEqual([sha(c.files[0][1]), sha(c.files[1][1])]);
    expect(rows.every((r) => r.applied_by.startsWith(`adopted from ${c.from} by `))).toBe(true);
    if (c.times) expect(rows.map((r) => r.applied_at.toISOString())).toEqual([T1, T2]);
    if (c.from === 'prisma' || c.from === 'flyway') expect(done.entries.map((e) => e.checksumMatches)).toEqual([true, true]);

    const up = await runner().up();
    expect(up.migrations.map((m) => m.name)).toEqual([c.names[2]]);
    expect((await client.query("select to_regclass('public.invoices') is not null as ok")).rows[0].ok).toBe(true);
  });

  it('the CLI shows the plan and records nothing without --yes (exit 1); a changed file shows its checksum differs; a dirty golang-migrate version is refused', async () => {
    await writeFiles([['20240105100000_init/migration.sql', init]]);
    await client.query(`${init}
      CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, finished_at timestamptz, migration_name varchar(255) NOT NULL,
        logs text, rolled_back_at timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer NOT NULL DEFAULT 0);
      INSERT INTO _prisma_migrations VALUES ('a', '${sha('something else')}', '${T1}', '20240105100000_init', null, null, '${T1}', 1),
        ('b', '${sha('x')}', '${T2}', '20231231000000_gone', null, null, '${T2}', 1);`);
    const cli = (...args: string[]) => runCli(['migrate', ...args], { cwd: project.cwd, env: { DATABASE_URL: db.url } });
    // a first up would apply everything the other tool applied already: refused, pointing at adopt
    const first = await cli('up', '--backup', 'none');
    expect(first.code).toBe(1);
    expect(first.stderr.trim()).toBe(
      "pgwarden: this database keeps another tool's migration history in _prisma_migrations (prisma), and pgwarden has none here: nothing was applied; " +
        'import it first with `pgwarden migrate adopt --from prisma` (or `pgwarden migrate baseline`), or pass --ignore-other-history to apply every migration from the start',
    );
    const show = await cli('adopt', '--from', 'prisma');
    expect(show.code).toBe(1);
    expect(show.stdout).toContain('would record as applied, without running them — prisma (_prisma_migrations):');
    expect(show.stdout).toContain(`20240105100000_init  applied ${T1} as 20240105100000_init, CHECKSUM DIFFERS: the file changed since prisma applied it`);
    expect(show.stdout).toContain('20231231000000_gone  listed by prisma but no file here: not recorded');
    expect(show.stderr.trim()).toBe('pgwarden: nothing was recorded: pass --yes to record these 1 migration(s) as applied');
    const yes = await cli('adopt', '--from', 'prisma', '--yes');
    expect(yes.code, yes.stderr).toBe(0);
    expect((await history()).map((r) => r.name)).toEqual(['20240105100000_init']);
    const again = await cli('adopt', '--from', 'prisma');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("20240105100000_init  already in pgwarden's history: left as it is");
    expect((await cli('adopt', '--from', 'liquibase')).stderr).toContain("--from: expected prisma, golang-migrate, flyway, rails, knex, dbmate, not 'liquibase'");
    await client.query('CREATE TABLE schema_migrations (version bigint NOT NULL PRIMARY KEY, dirty boolean NOT NULL); INSERT INTO schema_migrations VALUES (1, true);');
    const dirty = await cli('adopt', '--from', 'golang-migrate');
    expect(dirty.code).toBe(2);
    expect(dirty.stderr).toContain('schema_migrations says version 1 is dirty (it failed halfway)');
  });
});

describe('migrate baseline', { timeout: 120_000 }, () => {
  it('--to marks the files up to it as applied without running them; up applies the rest', async () => {
    await writeFiles([['0001_init.sql', init], ['0002_add.sql', add], ['0003_new.sql', fresh]]);
    await client.query(init + add);
    const cli = (...args: string[]) => runCli(['migrate', ...args], { cwd: project.cwd, env: { DATABASE_URL: db.url } });
    const show = await cli('baseline', '--to', '0002_add');
    expect(show.code).toBe(1);
    expect(show.stdout).toBe('would record as applied, without running them — baseline:\n  0001_init  marked applied\n  0002_add  marked applied\n');
    const yes = await cli('baseline', '--to', '0002_add', '--yes');
    expect(yes.code, yes.stderr).toBe(0);
    expect((await history()).map((r) => [r.name, r.checksum])).toEqual([['0001_init', sha(init)], ['0002_add', sha(add)]]);
    const up = await cli('up', '--backup', 'none');
    expect(up.code, up.stderr).toBe(0);
    expect(up.stdout).toMatch(/^applied 0003_new /m);
    expect(up.stdout).not.toContain('0001_init');
  });
});

describe('flywayChecksum', () => {
  it("is CRC32 of the lines without their line endings, signed, as Flyway's", () => {
    expect(flywayChecksum('select 1;\r\nselect 2;\n')).toBe(crc32('select 1;select 2;') | 0);
    expect(flywayChecksum('\uFEFFa\n\nb')).toBe(crc32('ab') | 0);
  });
});
