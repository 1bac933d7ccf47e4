import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFaultDatabase, stackLines, startCli, tempProject, type FaultDatabase, type Project } from './helpers.js';

/**
 * Several `migrate up` processes started together against one database (test/runner/concurrency.test.ts
 * covers two runners in one process; this is separate CLI processes, as two deploy jobs would be).
 */
let f: FaultDatabase;
const projects: Project[] = [];

beforeAll(async () => {
  f = await createFaultDatabase('pgwarden_faults_conc');
});
afterAll(async () => {
  for (const p of projects) await p.remove();
  await f.drop();
});

async function race(runners: number) {
  await f.resetSchemas();
  const p = await tempProject();
  projects.push(p);
  await p.write('0001_log.sql', "CREATE TABLE run_log (migration text NOT NULL);\nINSERT INTO run_log VALUES ('0001');\n");
  await p.write('0002_slow.sql', "INSERT INTO run_log VALUES ('0002');\nSELECT pg_sleep(0.3);\n");
  await p.write('0003_index.sql', '-- pgwarden:no-transaction\nCREATE INDEX CONCURRENTLY run_log_idx ON run_log (migration);\n');
  await p.write('0004_last.sql', "INSERT INTO run_log VALUES ('0004');\n");
  const names = ['0001_log', '0002_slow', '0003_index', '0004_last'];
  const runs = Array.from({ length: runners }, () => startCli(['migrate', 'up', '--database-url', f.url, '--dir', 'migrations'], p.cwd));
  const results = await Promise.all(runs.map((r) => r.done));
  const all = results.map((r) => r.stdout + r.stderr).join('\n');
  f.assertNoPassword(all);
  expect(stackLines(all)).toEqual([]);
  for (const r of results) expect(r.code, r.stdout + r.stderr).toBe(0);

  // each migration was applied by exactly one process; every other process found nothing left to do
  for (const name of names) {
    const appliedBy = results.filter((r) => new RegExp(`^applied ${name} \\(`, 'm').test(r.stdout));
    expect(appliedBy, name).toHaveLength(1);
  }
  const idle = results.filter((r) => r.stdout.includes('no pending migrations'));
  expect(idle).toHaveLength(runners - 1);

  const history = await f.admin.query('select name, count(*)::int as n from pgwarden.migrations group by 1 order by 1');
  expect(history.rows).toEqual(names.map((name) => ({ name, n: 1 })));
  const log = await f.admin.query('select migration, count(*)::int as n from run_log group by 1 order by 1');
  expect(log.rows).toEqual([
    { migration: '0001', n: 1 },
    { migration: '0002', n: 1 },
    { migration: '0004', n: 1 },
  ]);
  expect((await f.admin.query('select count(*)::int as n from pgwarden.migration_attempts')).rows[0].n).toBe(0);
  expect(await f.advisoryLocks()).toBe(0);
}

describe('concurrent migrate up processes', { timeout: 120_000 }, () => {
  it('two processes: one applies everything once, the other waits for the lock and finds nothing to do', async () => {
    await race(2);
  });

  it('five processes: the same, with four waiting', async () => {
    await race(5);
  });
});
