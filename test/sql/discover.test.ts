import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { compareNatural, findLintTargets, findMigrations, migrationNameOf, sqitchPlanChanges } from '../../src/sql/discover.js';

const dirs: string[] = [];

/** A temporary directory holding the given files (path → content). */
async function layout(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pgwarden-discover-'));
  dirs.push(dir);
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  return dir;
}

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const rel = (dir: string, path: string | undefined) => (path === undefined ? undefined : path.slice(dir.length + 1));

describe('compareNatural', () => {
  it('orders digit runs by value and the rest by code unit', () => {
    const names = ['10_b.sql', '2_a.sql', '1_z.sql', '0001_x.sql', '20240101_a', '9_a.sql', 'B', 'a'];
    expect([...names].sort(compareNatural)).toEqual(['0001_x.sql', '1_z.sql', '2_a.sql', '9_a.sql', '10_b.sql', '20240101_a', 'B', 'a']);
  });
  it('handles numbers beyond 2^53', () => {
    expect(compareNatural('99999999999999999999_a', '100000000000000000000_a')).toBeLessThan(0);
  });
});

describe('findMigrations', () => {
  it('plain *.sql: numeric-aware order, other files ignored', async () => {
    const dir = await layout({ '10_c.sql': '', '2_b.sql': '', '1_a.sql': '', 'README.md': '', 'notes.txt': '' });
    const set = await findMigrations(dir);
    expect(set.layout).toBe('plain');
    expect(set.migrations.map((m) => m.name)).toEqual(['1_a', '2_b', '10_c']);
    expect(set.migrations.every((m) => m.downPath === undefined)).toBe(true);
    expect(set.problems).toEqual([]);
  });

  it('up/down files (golang-migrate): down files are attached, not migrations', async () => {
    const dir = await layout({
      '000002_b.up.sql': '',
      '000002_b.down.sql': '',
      '000010_c.up.sql': '',
      '000001_a.up.sql': '',
      '000001_a.down.sql': '',
    });
    const set = await findMigrations(dir);
    expect(set.layout).toBe('up-down');
    expect(set.migrations.map((m) => [m.name, rel(dir, m.path), rel(dir, m.downPath)])).toEqual([
      ['000001_a', '000001_a.up.sql', '000001_a.down.sql'],
      ['000002_b', '000002_b.up.sql', '000002_b.down.sql'],
      ['000010_c', '000010_c.up.sql', undefined],
    ]);
    expect(set.problems).toEqual([]);
  });

  it('reports a down file without an up file and duplicate names', async () => {
    const dir = await layout({ '1_a.up.sql': '', '1_a.sql': '', '2_b.down.sql': '' });
    const set = await findMigrations(dir);
    expect(set.migrations.map((m) => m.name)).toEqual(['1_a']);
    expect(set.problems).toHaveLength(2);
    expect(set.problems.join('\n')).toMatch(/duplicate migration name 1_a/);
    expect(set.problems.join('\n')).toMatch(/2_b\.down\.sql has no up file/);
  });

  it('Flyway: versions numerically (V1_1 < V1_10 < V2), repeatables last, U files as downs', async () => {
    const dir = await layout({
      'V2__two.sql': '',
      'V1_10__one_ten.sql': '',
      'V1_1__one_one.sql': '',
      'V1__one.sql': '',
      'R__views.sql': '',
      'R__functions.sql': '',
      'U2__undo_two.sql': '',
      'U7__orphan.sql': '',
      'notes.sql': '',
    });
    const set = await findMigrations(dir);
    expect(set.layout).toBe('flyway');
    expect(set.migrations.map((m) => basename(m.path))).toEqual([
      'V1__one.sql',
      'V1_1__one_one.sql',
      'V1_10__one_ten.sql',
      'V2__two.sql',
      'R__functions.sql',
      'R__views.sql',
    ]);
    expect(rel(dir, set.migrations[3].downPath)).toBe('U2__undo_two.sql');
    expect(set.migrations[0].name).toBe('V1__one');
    expect(set.problems.join('\n')).toMatch(/U7__orphan\.sql has no versioned migration/);
    expect(set.problems.join('\n')).toMatch(/notes\.sql does not follow Flyway's naming/);
  });

  it('Flyway: the same version twice is a problem (1.1 equals 1_1)', async () => {
    const dir = await layout({ 'V1.1__a.sql': '', 'V1_1__b.sql': '' });
    const set = await findMigrations(dir);
    expect(set.migrations).toHaveLength(1);
    expect(set.problems[0]).toMatch(/duplicate Flyway version 1\.1/);
  });

  it('Prisma: <timestamp>_<name>/migration.sql, the folder is the name', async () => {
    const dir = await layout({
      '20240301080000_published/migration.sql': '',
      '20240101120000_init/migration.sql': '',
      '20240215093000_index/migration.sql': '',
      'migration_lock.toml': 'provider = "postgresql"',
    });
    const set = await findMigrations(dir);
    expect(set.layout).toBe('prisma');
    expect(set.migrations.map((m) => [m.name, rel(dir, m.path)])).toEqual([
      ['20240101120000_init', '20240101120000_init/migration.sql'],
      ['20240215093000_index', '20240215093000_index/migration.sql'],
      ['20240301080000_published', '20240301080000_published/migration.sql'],
    ]);
    expect(migrationNameOf(set.migrations[0].path)).toBe('20240101120000_init');
  });

  it('sqitch: order from sqitch.plan, revert/ as downs, unplanned and orphan files reported', async () => {
    const dir = await layout({
      'sqitch.plan': [
        '%syntax-version=1.0.0',
        '%project=widgets',
        '',
        'zeta 2026-01-05T10:00:00Z Dev <dev@example.com> # first, though it sorts last',
        'alpha [zeta] 2026-01-06T10:00:00Z Dev <dev@example.com> # second',
        '@v1.0 2026-01-07T10:00:00Z Dev <dev@example.com> # tag',
        'missing 2026-01-08T10:00:00Z Dev <dev@example.com>',
      ].join('\n'),
      'deploy/zeta.sql': '',
      'deploy/alpha.sql': '',
      'deploy/stray.sql': '',
      'revert/zeta.sql': '',
      'revert/gone.sql': '',
    });
    const set = await findMigrations(dir);
    expect(set.layout).toBe('sqitch');
    expect(set.migrations.map((m) => [m.name, rel(dir, m.path), rel(dir, m.downPath)])).toEqual([
      ['zeta', 'deploy/zeta.sql', 'revert/zeta.sql'],
      ['alpha', 'deploy/alpha.sql', undefined],
    ]);
    const problems = set.problems.join('\n');
    expect(problems).toMatch(/names missing but .*deploy\/missing\.sql does not exist/);
    expect(problems).toMatch(/deploy\/stray\.sql is not in sqitch\.plan/);
    expect(problems).toMatch(/revert\/gone\.sql has no deploy file/);
  });

  it('sqitch without a plan: deploy/ in natural order; deploy/ itself names the project', async () => {
    const dir = await layout({ 'deploy/b10.sql': '', 'deploy/b9.sql': '', 'revert/b9.sql': '' });
    const set = await findMigrations(dir);
    expect(set.migrations.map((m) => m.name)).toEqual(['b9', 'b10']);
    const withPlan = await layout({ 'sqitch.plan': 'one\ntwo\n', 'deploy/one.sql': '', 'deploy/two.sql': '' });
    const viaDeploy = await findMigrations(join(withPlan, 'deploy'));
    expect(viaDeploy.layout).toBe('sqitch');
    expect(viaDeploy.migrations.map((m) => m.name)).toEqual(['one', 'two']);
  });

  it('sqitch reworked changes keep their earlier script as name@tag', () => {
    expect(sqitchPlanChanges('a\nb\n@v1 2026-01-01\nc\n@v2\nb [b@v1]\n')).toEqual([
      { name: 'a', file: 'a' },
      { name: 'b', file: 'b@v1' },
      { name: 'c', file: 'c' },
      { name: 'b', file: 'b' },
    ]);
  });

  it('a missing directory fails with ENOENT', async () => {
    await expect(findMigrations(join(tmpdir(), 'pgwarden-does-not-exist-4711'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});

describe('findLintTargets', () => {
  it('lints up files of a directory but a down file named explicitly, filtered by keep', async () => {
    const dir = await layout({ '1_a.up.sql': '', '1_a.down.sql': '', '2_b.up.sql': '', '3_skip.up.sql': '' });
    const found = await findLintTargets([dir, join(dir, '1_a.down.sql')], (p) => !p.includes('skip'));
    expect(found.files.map((f) => rel(dir, f))).toEqual(['1_a.up.sql', '2_b.up.sql', '1_a.down.sql']);
    expect(found.problems).toEqual([]);
  });
});

describe('the tool that runs a layout (its transaction rule)', () => {
  it('names the tool of each layout', async () => {
    expect((await findMigrations(await layout({ '1_a.up.sql': '', '1_a.down.sql': '' }))).tool).toBe('golang-migrate');
    expect((await findMigrations(await layout({ '1_a.sql': '' }))).tool).toBe('pgwarden');
    expect((await findMigrations(await layout({ 'V1__a.sql': '' }))).tool).toBe('flyway');
    expect((await findMigrations(await layout({ '20240101000000_a/migration.sql': '' }))).tool).toBe('prisma');
    expect((await findMigrations(await layout({ 'sqitch.plan': 'a\n', 'deploy/a.sql': '' }))).tool).toBe('sqitch');
  });

  it('Flyway: a script config with executeInTransaction=false runs the script outside a transaction', async () => {
    const dir = await layout({ 'V1__a.sql': '', 'V2__b.sql': '', 'V2__b.sql.conf': 'executeInTransaction=false\n' });
    const set = await findMigrations(dir);
    expect(set.migrations.map((m) => m.autocommit)).toEqual([undefined, 'V2__b.sql.conf says executeInTransaction=false']);
  });

  it('Ory popx (Kratos): PostgreSQL and all-dialect files only, .autocommit., and parts of one migration as a batch', async () => {
    const dir = await layout({
      '20200101000001000000_ids.postgres.up.sql': '',
      '20200101000001000000_ids.postgres.down.sql': '',
      '20200101000001000000_ids.mysql.up.sql': '',
      '20200101000001000000_ids.sqlite3.up.sql': '',
      '20200101000001000001_ids.up.sql': '',
      '20200101000001000002_ids.cockroach.up.sql': '',
      '20200101000002000000_state.autocommit.up.sql': '',
      '20200101000002000000_state.mysql.autocommit.up.sql': '',
      '20200101000003000000_x.up.sql': '',
      '20200101000003000000_x.pg.up.sql': '',
    });
    const set = await findMigrations(dir);
    expect(set.tool).toBe('popx');
    expect(set.migrations.map((m) => [rel(dir, m.path), rel(dir, m.downPath), m.autocommit, m.batch])).toEqual([
      ['20200101000001000000_ids.postgres.up.sql', '20200101000001000000_ids.postgres.down.sql', undefined, '20200101000001_ids'],
      ['20200101000001000001_ids.up.sql', undefined, undefined, '20200101000001_ids'],
      ['20200101000002000000_state.autocommit.up.sql', undefined, 'the file name says .autocommit.', '20200101000002_state'],
      ['20200101000003000000_x.pg.up.sql', undefined, undefined, '20200101000003_x'],
    ]);
    expect(set.problems).toEqual([]);
  });
});
