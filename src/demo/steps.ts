import { existsSync } from 'node:fs';
import { copyFile, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { basename, join, relative } from 'node:path';
import { allRules } from '../../rules/index.js';
import { lint } from '../api/lint.js';
import type { Finding } from '../lint/types.js';
import { reporterFor, ruleCatalog } from '../report/index.js';
import { countFindings } from '../report/types.js';
import { createRunner, type Runner } from '../runner/runner.js';
import { GateRefusedError } from '../runner/gate.js';
import { MigrationFailedError } from '../runner/execute.js';
import { safetyHooks } from '../safety/hooks.js';
import type { BackupChoice } from './backup-engine.js';
import { columnExists, countOf, seed, tasksState } from './data.js';
import type { DemoOutput } from './output.js';
import { version } from '../cli/version.js';

export interface DemoContext {
  out: DemoOutput;
  /** The package root: migrations-example/ and demo/ live there. */
  root: string;
  /** The demo's temporary directory (server data, backups, working copy of migrations). */
  tmp: string;
  url: string;
  pgMajor: number;
  backup: BackupChoice;
}

/** A step did not behave as the demo expects; the message says what happened instead. */
export class DemoStepError extends Error {
  override name = 'DemoStepError';
}

export const LAST_SAFE = '0012_backfill_projects_archived_at';
const UNSAFE = ['0013_drop_users_name', '0014_index_tasks_status', '0015_change_tasks_title_type'];

const examplesDir = (c: DemoContext) => join(c.root, 'migrations-example');
const demoDir = (c: DemoContext) => join(c.root, 'demo');
const workDir = (c: DemoContext) => join(c.tmp, 'migrations');

function runnerFor(c: DemoContext, dir: string): Runner {
  return createRunner({
    databaseUrl: c.url,
    dir,
    logger: c.out.logger(),
    hooks: [safetyHooks({ backup: c.backup.mode, pgDumpPath: c.backup.pgDumpPath, backupDir: join(c.tmp, 'backups') })],
    appliedBy: 'pgwarden demo',
  });
}

/** Paths as a user finds them in the package: migrations-example/…, demo/…, whatever copy ran. */
function shownPath(c: DemoContext, file: string): string {
  if (file.startsWith(workDir(c))) {
    const name = basename(file);
    return existsSync(join(demoDir(c), name)) ? `demo/${name}` : `migrations-example/${name}`;
  }
  const rel = relative(c.root, file);
  return rel.startsWith('..') ? file : rel;
}

function pretty(c: DemoContext, findings: readonly Finding[], sources: Map<string, string>): string {
  return reporterFor('pretty')({ findings, files: [...sources.keys()], sources, rules: ruleCatalog(allRules.map((r) => r.meta)), cwd: c.root, toolVersion: version });
}

/** 2: the linter on the example migrations; the unsafe ones (0013–0015) must be flagged, the rest clean. */
export async function lintExamples(c: DemoContext): Promise<void> {
  const report = await lint('migrations-example', { cwd: c.root, options: { pgVersion: c.pgMajor } });
  const visible = report.findings.filter((f) => !f.suppressed);
  c.out.block(pretty(c, visible, report.sources));
  const errorFiles = new Set(visible.filter((f) => f.severity === 'error').map((f) => basename(f.file).replace(/\.up\.sql$/, '')));
  const unexpected = [...errorFiles].filter((f) => !UNSAFE.includes(f));
  const missed = UNSAFE.filter((f) => !errorFiles.has(f));
  if (unexpected.length > 0 || missed.length > 0) {
    throw new DemoStepError(`expected errors in exactly ${UNSAFE.join(', ')}; got errors in ${[...errorFiles].join(', ') || 'none'}`);
  }
  const { errors, warnings } = countFindings(visible);
  const rules = [...new Set(visible.filter((f) => f.severity === 'error').map((f) => f.rule))];
  c.out.ok(`${report.files.length} files linted: 0001–0012 clean; ${errors} errors and ${warnings} warnings in the deliberately unsafe 0013–0015 (${rules.join(', ')})`);
}

/** 3: the safe migrations, guarded; rows seeded after the tables exist so that 0006–0012 run on data. */
export async function applySafe(c: DemoContext): Promise<void> {
  const runner = runnerFor(c, examplesDir(c));
  c.out.line('— 0001–0005 create the tables:');
  const first = await runner.up({ to: '0005_create_tasks' });
  const counts = await seed(c.url);
  c.out.line(`— seeded rows (${[...counts].map(([t, n]) => `${t} ${n}`).join(', ')}), so that 0006–0012 run on data:`);
  const mark = c.out.events.length;
  const second = await runner.up({ to: LAST_SAFE });
  const applied = first.migrations.length + second.migrations.length;
  if (applied !== 12) throw new DemoStepError(`expected 12 migrations applied, got ${applied}`);
  const verified = c.out.since(mark).filter((e) => e.event === 'verify.ok').length;
  if (verified === 0) throw new DemoStepError('no row-count verification was reported for 0006–0012');
  c.out.ok(`12 migrations applied (0001_create_users … ${LAST_SAFE}), ${verified} with row counts verified before commit`);
}

/** 4: 0013 drops a column; the runner's lint gate refuses it before anything runs. */
export async function refuseUnsafe(c: DemoContext): Promise<void> {
  const runner = runnerFor(c, examplesDir(c));
  try {
    await runner.up({ to: UNSAFE[0] });
  } catch (error) {
    if (!(error instanceof GateRefusedError)) throw error;
    const files = [...new Set(error.findings.map((f) => f.file))];
    const sources = new Map<string, string>();
    const findings = error.findings.map((f) => ({ ...f, file: shownPath(c, f.file) }));
    for (const f of files) sources.set(shownPath(c, f), await readFile(f, 'utf8'));
    c.out.line(`refused: ${error.message}`);
    c.out.block(pretty(c, findings, sources));
    if (!findings.some((f) => f.rule === 'ban-drop-column')) throw new DemoStepError('the refusal did not name ban-drop-column');
    if (!(await columnExists(c.url, 'users', 'name'))) throw new DemoStepError('users.name is gone although the gate refused');
    c.out.ok(`refused by ban-drop-column: nothing applied, users.name still holds its ${await countOf(c.url, 'users')} values`);
    return;
  }
  throw new DemoStepError(`${UNSAFE[0]} was applied: the lint gate should have refused it`);
}

/** A working copy: the safe examples plus one demo migration (the runner reads one directory). */
async function stageWorkDir(c: DemoContext, demoMigration: string): Promise<void> {
  await rm(workDir(c), { recursive: true, force: true });
  await mkdir(workDir(c));
  for (const f of await readdir(examplesDir(c))) {
    if (f.endsWith('.sql') && f.slice(0, 4) <= LAST_SAFE.slice(0, 4)) await copyFile(join(examplesDir(c), f), join(workDir(c), f));
  }
  await copyFile(join(demoDir(c), `${demoMigration}.up.sql`), join(workDir(c), `${demoMigration}.up.sql`));
  c.out.line(`(running ${demoMigration} from demo/, beside migrations-example/0001–0012)`);
}

/** Runs the pending demo migration, which must fail; returns the events it logged. */
async function expectFailure(c: DemoContext, name: string) {
  const mark = c.out.events.length;
  try {
    await runnerFor(c, workDir(c)).up();
  } catch (error) {
    if (!(error instanceof MigrationFailedError) || error.migration !== name) throw error;
    return c.out.since(mark);
  }
  throw new DemoStepError(`${name} was applied: it should have failed`);
}

/** 5: a DELETE without allow-data-loss: verification fails inside the transaction, which rolls back. */
export async function rollBackDataLoss(c: DemoContext): Promise<void> {
  const name = '0016_purge_test_accounts';
  await stageWorkDir(c, name);
  const before = await countOf(c.url, 'users');
  const events = await expectFailure(c, name);
  if (!events.some((e) => e.event === 'verify.failed')) throw new DemoStepError(`${name} failed, but not by row-count verification`);
  if (!events.some((e) => e.event === 'restore.not-needed')) throw new DemoStepError(`${name} failed without the rollback being reported`);
  const after = await countOf(c.url, 'users');
  if (after !== before) throw new DemoStepError(`users has ${after} rows after the rollback, ${before} before`);
  c.out.ok(`verification failed and the transaction rolled back: users has ${after} rows, as before`);
}

/** 6: a no-transaction migration fails halfway: what it committed is undone from its before-images. */
export async function restoreHalfApplied(c: DemoContext): Promise<void> {
  const name = '0017_normalize_task_titles';
  await stageWorkDir(c, name);
  const before = await tasksState(c.url);
  const events = await expectFailure(c, name);
  if (!events.some((e) => e.event === 'restore.done')) throw new DemoStepError(`${name} failed without a successful restore`);
  const after = await tasksState(c.url);
  if (after.rows !== before.rows || after.checksum !== before.checksum) {
    throw new DemoStepError(`tasks differs after the restore: ${after.rows} rows (md5 ${after.checksum}), before ${before.rows} rows (md5 ${before.checksum})`);
  }
  if (after.titleIndex) throw new DemoStepError('the invalid index tasks_title_key is still there after the restore');
  c.out.ok(
    `restored: tasks has its ${after.rows} rows back exactly as before the run (task 1 is titled '${after.sampleTitle}', not '${after.sampleTitle.toLowerCase()}'), ` +
      'and the invalid index the failed CREATE INDEX CONCURRENTLY left behind is gone',
  );
}
