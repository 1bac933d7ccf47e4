import type { PgClient } from '../db/pg-types.js';
import { analyzeMigrations, type MigrationAnalysis } from '../analysis/migration-analysis.js';
import { nodeAs } from '../sql/ast.js';
import type { Statement } from '../sql/parser.js';
import { quoteIdent } from '../db/quote.js';
import { invalidIndexesLeftBy, MigrationFailedError, runJob, type MigrationJob } from './execute.js';
import { ensureHistory, finishAttempt, readHistory, recordApplied, removeApplied, type AttemptMarker } from './history.js';
import { RunnerUsageError, UnfinishedRunError } from './errors.js';
import { closeRuns, describeRun, needsRestore, unresolvedRuns, whatNext, type RunRecord } from './journal.js';
import { planned, readState, underRunLock } from './state.js';
import { pgwardenVersion } from '../version.js';
import { readDownText, type LoadedMigration } from './files.js';
import type { Resolved } from './types.js';
import type { Session } from './connections.js';

/**
 * What to do about a migration that was interrupted outside a transaction (its marker is in
 * pgwarden.migration_attempts). Without an action, repair only reports and changes nothing.
 */
export interface RepairOptions {
  /**
   * 'resume': drop the INVALID indexes its statements left, run the statements not recorded as done,
   * record the migration and clear the marker. 'forget': the database was fixed by hand; clear the marker.
   */
  action?: 'resume' | 'forget';
  /** With 'forget': also record the run as completed (up: applied; down: reverted). */
  markApplied?: boolean;
}

export type UnfinishedRun = RunRecord & { left: string; wayOut: string };

export interface RepairStatement {
  /** 1-based, as the marker counts. */
  number: number;
  text: string;
  /** Recorded as done by the interrupted run. */
  done: boolean;
  /** Evidence found in the database about a statement not recorded as done. */
  found?: string;
}

export interface RepairReport {
  /** Runs of the journal that did not finish, each with what it left and its way out (docs/faults.md). */
  runs: UnfinishedRun[];
  /** The interrupted run (the oldest, when there are several); null when nothing is interrupted. */
  marker: AttemptMarker | null;
  /** Further interrupted runs after this one. */
  moreMarkers: number;
  /** The file the interrupted run executed (the down file for a down run); null when it is gone. */
  path: string | null;
  /** The file differs from the one that was run (its checksum changed), so statement numbers may not match. */
  fileChanged: boolean;
  /** The file manages its own transactions: there is no statement progress to resume from. */
  explicitTransactions: boolean;
  statements: RepairStatement[];
  /** INVALID indexes left by the run's statements (a killed CREATE INDEX CONCURRENTLY). */
  invalidIndexes: Array<{ schema: string; name: string; statement: number }>;
  action: 'none' | 'resumed' | 'forgotten';
  markedApplied: boolean;
}

interface Target {
  file: LoadedMigration;
  path: string;
  sql: string;
  analysis: MigrationAnalysis;
}

/** Inspects (and with an action, repairs) the interrupted migration, under the run lock that `up` takes. */
export async function repairMigration(dir: string, r: Resolved, o: RepairOptions): Promise<RepairReport> {
  if (o.markApplied && o.action !== 'forget') throw new RunnerUsageError('--mark-applied goes with --forget');
  return underRunLock(r, async (session) => {
    await ensureHistory(session.control);
    const state = await readState(dir, session, r);
    const marker = state.attempts[0];
    const records = await unresolvedRuns(session.control);
    const runs = records.map((run) => ({ ...run, ...whatNext(run) }));
    const restoring = records.find(needsRestore);
    if (!marker) {
      if (runs.length > 0 && o.action === 'forget') {
        await closeRuns(session.control, records.map((run) => run.id), 'forgotten');
        r.log.info('repair_forgotten', { message: `closed ${runs.length} unfinished run(s): ${records.map((run) => `${run.id} (${run.state})`).join(', ')}` });
        return { runs, marker: null, moreMarkers: 0, path: null, fileChanged: false, explicitTransactions: false, statements: [], invalidIndexes: [], action: 'forgotten', markedApplied: false };
      }
      if (runs.length === 0) r.log.info('nothing_to_repair', { message: 'no interrupted migration: nothing to repair' });
      return { runs, marker: null, moreMarkers: 0, path: null, fileChanged: false, explicitTransactions: false, statements: [], invalidIndexes: [], action: 'none', markedApplied: false };
    }
    const target = await targetOf(marker, state.files, state.analyses, state.pgVersion);
    const report = { ...(await inspect(session.control, marker, target, state.attempts.length - 1)), runs };
    if (o.action === 'forget') {
      await forget(session.control, marker, o.markApplied === true, r);
      await closeRuns(session.control, records.map((run) => run.id), 'forgotten');
      return { ...report, action: 'forgotten', markedApplied: o.markApplied === true };
    }
    // a restore was under way: running the rest of the migration on a half-restored database makes it worse
    if (o.action === 'resume' && restoring) throw new UnfinishedRunError(`cannot resume ${marker.name}: ${describeRun(restoring)}`);
    if (o.action === 'resume') {
      if (!target) throw new RunnerUsageError(`cannot resume ${marker.name}: its migration file is not in ${dir} any more; fix the database by hand, then use --forget`);
      if (report.fileChanged) throw new RunnerUsageError(`cannot resume ${marker.name}: the file changed since the interrupted run (checksum differs), so its statement count may not match; fix the database by hand, then use --forget`);
      if (report.explicitTransactions) throw new RunnerUsageError(`cannot resume ${marker.name}: it manages its own transactions, so pgwarden cannot tell which of them committed; fix the database by hand, then use --forget`);
      await resume(session, marker, target, r);
      await closeRuns(session.control, records.map((run) => run.id), 'abandoned');
      return { ...report, action: 'resumed', markedApplied: false };
    }
    return report;
  });
}

async function targetOf(marker: AttemptMarker, files: LoadedMigration[], analyses: Map<string, MigrationAnalysis>, pgVersion: number): Promise<Target | undefined> {
  const file = files.find((f) => f.name === marker.name);
  if (!file) return undefined;
  if (marker.direction === 'up') return { file, path: file.path, sql: file.text, analysis: analyses.get(file.name)! };
  if (!file.downPath) return undefined;
  const sql = await readDownText(file);
  const [analysis] = await analyzeMigrations([{ name: file.name, path: file.downPath, text: sql }], { pgVersion });
  return { file, path: file.downPath, sql, analysis };
}

/** The steps the runner sent one by one (execute.ts does the same split), or the whole file for explicit transactions. */
function stepsOf(target: Target): Array<{ text: string; statement?: Statement }> {
  if (target.analysis.transaction === 'explicit') return [{ text: target.sql }];
  return target.analysis.statements.filter((s) => !s.parent).map((s) => ({ text: s.text, statement: s }));
}

async function inspect(client: PgClient, marker: AttemptMarker, target: Target | undefined, moreMarkers: number): Promise<RepairReport> {
  const report: RepairReport = {
    runs: [],
    marker,
    moreMarkers,
    path: target?.path ?? null,
    fileChanged: target !== undefined && target.file.checksum !== marker.checksum,
    explicitTransactions: target?.analysis.transaction === 'explicit',
    statements: [],
    invalidIndexes: [],
    action: 'none',
    markedApplied: false,
  };
  if (!target) return report;
  for (const [i, step] of stepsOf(target).entries()) {
    const number = i + 1;
    const done = i < marker.statementsDone;
    const entry: RepairStatement = { number, text: step.text, done };
    if (!done && step.statement) {
      for (const index of await invalidIndexesLeftBy(client, step.statement)) report.invalidIndexes.push({ ...index, statement: number });
      entry.found = await completedIndex(client, step.statement);
    }
    report.statements.push(entry);
  }
  return report;
}

/**
 * The one kind of statement whose completion is visible without guessing: a CREATE INDEX whose valid
 * index exists on its table. A kill between the statement's end and the progress update leaves exactly this.
 */
async function completedIndex(client: PgClient, statement: Statement): Promise<string | undefined> {
  const index = nodeAs(statement.node, 'IndexStmt');
  const table = index?.relation?.relname;
  if (!index?.idxname || !table) return undefined;
  const qualified = index.relation?.schemaname ? `${quoteIdent(index.relation.schemaname)}.${quoteIdent(table)}` : quoteIdent(table);
  const { rows } = await client.query<{ name: string }>(
    `select c.oid::regclass::text as name from pg_index i join pg_class c on c.oid = i.indexrelid
      where c.relname = $1 and i.indisvalid and i.indrelid = to_regclass($2)`,
    [index.idxname, qualified],
  );
  const shown = index.relation?.schemaname ? `${index.relation.schemaname}.${table}` : table;
  return rows[0] ? `a valid index ${rows[0].name} on ${shown} already exists (the statement completed before its progress was recorded)` : undefined;
}

async function forget(client: PgClient, marker: AttemptMarker, markApplied: boolean, r: Resolved): Promise<void> {
  await client.query('begin');
  try {
    if (markApplied && marker.direction === 'up') {
      const applied = (await readHistory(client)).some((h) => h.name === marker.name);
      // the checksum of the file as it was run, so a later edit shows up as drift
      if (!applied) await recordApplied(client, { name: marker.name, checksum: marker.checksum, appliedBy: r.appliedBy, durationMs: 0, pgwardenVersion: pgwardenVersion() });
    } else if (markApplied) {
      await removeApplied(client, marker.name);
    }
    await finishAttempt(client, marker.name);
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
  const recorded = !markApplied ? '' : marker.direction === 'up' ? ' and recorded it as applied' : ' and recorded it as reverted';
  r.log.info('repair_forgotten', { migration: marker.name, message: `${marker.name}: cleared the interrupted marker${recorded}` });
}

async function resume(session: Session, marker: AttemptMarker, target: Target, r: Resolved): Promise<void> {
  const job: MigrationJob = {
    direction: marker.direction,
    planned: { ...planned(target.file, target.analysis), path: target.path, sql: target.sql },
    analysis: target.analysis,
    checksum: target.file.checksum,
    appliedBy: r.appliedBy,
    pgwardenVersion: pgwardenVersion(),
    resume: { statementsDone: marker.statementsDone, alreadyApplied: (client, statement) => completedIndex(client, statement) },
  };
  r.log.info('resuming', { migration: marker.name, message: `resuming ${marker.name} (${marker.direction}) after statement ${marker.statementsDone} of ${marker.statementsTotal}…`, progress: true });
  const monitor = session.control === session.migration ? undefined : session.control;
  try {
    // no hooks: a backup or row-count check taken halfway through a migration would describe nothing useful
    const result = await runJob(job, { migration: session.migration, migrationPid: session.migrationPid, monitor, lock: session.lock }, r.settings, [], r.log);
    const word = marker.direction === 'up' ? 'applied' : 'reverted';
    r.log.info('resumed', { migration: marker.name, duration_ms: result.durationMs, message: `resumed and ${word} ${marker.name}; the interrupted marker is cleared` });
  } catch (error) {
    const failure = error instanceof MigrationFailedError ? error : new MigrationFailedError(marker.name, error, 1, String(error));
    r.log.error('migration_failed', { migration: marker.name, error: failure.message, message: failure.message });
    throw failure;
  }
}

/** The report as a DBA reads it: the run, its statements, what the database holds, and the choices. */
export function formatRepairReport(report: RepairReport): string {
  const m = report.marker;
  const out: string[] = [];
  for (const run of report.runs) {
    out.push(`unfinished run ${run.id} (${run.command}, started ${run.startedAt.toISOString()} by ${run.startedBy}), state ${run.state}${run.migration ? ` (${run.migration})` : ''}`);
    out.push(`  left: ${run.left}`);
    out.push(`  way out: ${run.wayOut}`);
  }
  if (report.runs.some(needsRestore)) out.push('  if you resolved it by hand instead: pgwarden migrate repair --forget');
  if (!m) return out.length > 0 ? `${out.join('\n')}\n` : 'no interrupted migration: nothing to repair\n';
  out.push(`interrupted migration: ${m.name} (${m.direction}), started ${m.startedAt.toISOString()} by ${m.startedBy}`);
  out.push(`  file: ${report.path ?? 'MISSING (not in the migrations directory any more)'}${report.fileChanged ? ' — CHANGED since the interrupted run' : ''}`);
  out.push(`  statements recorded done: ${m.statementsDone} of ${m.statementsTotal}`);
  for (const s of report.statements) {
    const first = s.text.split('\n').find((l) => l.trim() && !l.trim().startsWith('--'))?.trim() ?? s.text.trim();
    const shown = first.length > 100 ? `${first.slice(0, 97)}...` : first;
    out.push(`    ${String(s.number).padStart(3)}. ${s.done ? 'done    ' : 'not done'}  ${shown}`);
    if (s.found) out.push(`         found: ${s.found}`);
  }
  if (report.explicitTransactions) out.push('  the file manages its own transactions: statement progress is not tracked inside it');
  out.push('  found in the database:');
  if (report.invalidIndexes.length === 0 && !report.statements.some((s) => s.found)) out.push('    nothing left by the statements not done (no INVALID index, no completed index)');
  for (const i of report.invalidIndexes) {
    out.push(`    INVALID index ${i.schema}.${i.name} left by statement ${i.statement} (an interrupted CREATE INDEX CONCURRENTLY)`);
  }
  for (const s of report.statements.filter((s) => s.found)) out.push(`    statement ${s.number}: ${s.found}`);
  if (report.moreMarkers > 0) out.push(`  ${report.moreMarkers} more interrupted migration(s) after this one; repair them one at a time`);
  const next = report.statements.find((s) => !s.done && !s.found);
  out.push('choices:');
  const canResume = report.path !== null && !report.fileChanged && !report.explicitTransactions;
  if (canResume) {
    const drops = report.invalidIndexes.length > 0 ? 'drop the INVALID indexes above, ' : '';
    const what = next ? `run statements from ${next.number} on` : 'run nothing more (every statement is done)';
    out.push(`  pgwarden migrate repair --resume                  ${drops}${what}, record ${m.name} as ${m.direction === 'up' ? 'applied' : 'reverted'}, clear the marker`);
  } else {
    out.push('  (--resume is not possible: the file is missing, changed, or manages its own transactions)');
  }
  out.push('  pgwarden migrate repair --forget                  you finished or undid it by hand: clear the marker only');
  out.push(`  pgwarden migrate repair --forget --mark-applied   you finished it by hand: clear the marker and record it as ${m.direction === 'up' ? 'applied' : 'reverted'}`);
  return `${out.join('\n')}\n`;
}
