import type { PgClient } from '../db/pg-types.js';
import { ensureHistory, quotedHistorySchema } from './history.js';
import { RunnerUsageError } from './errors.js';
import { migrationNameOf, readState, underRunLock } from './state.js';
import { readForeignHistory, type AdoptSource } from './foreign-history.js';
import { pgwardenVersion } from '../version.js';
import type { Resolved } from './types.js';

/** One migration that baseline or adopt records as applied without running it. */
export interface AdoptionEntry {
  name: string;
  checksum: string;
  /** When the other tool applied it (null: the tool does not say; recorded as now). */
  appliedAt: string | null;
  durationMs: number;
  /** How the other tool recorded it; null for a baseline. */
  recordedAs: string | null;
  /** The tool's checksum against the file; null when it keeps none (or for a baseline). */
  checksumMatches: boolean | null;
}

export interface AdoptionPlan {
  source: AdoptSource | 'baseline';
  /** The table read (adopt only). */
  table: string | null;
  entries: AdoptionEntry[];
  /** Already in pgwarden's history: left as they are. */
  alreadyRecorded: string[];
  /** Listed by the other tool without a file here: not recorded. */
  unmatched: string[];
  recorded: boolean;
}

export interface BaselineOptions {
  /** Mark the files up to and including this one (default: all). */
  to?: string;
  /** Record; without it only the plan is returned. */
  record?: boolean;
}

export interface AdoptOptions {
  from: AdoptSource;
  record?: boolean;
}

/** `migrate baseline`: the files (up to --to) are taken as applied already, without running them. */
export async function baseline(dir: string, r: Resolved, o: BaselineOptions): Promise<AdoptionPlan> {
  return underRunLock(r, async (session) => {
    const state = await readState(dir, session, r);
    let files = state.files;
    if (o.to !== undefined) {
      const to = migrationNameOf(o.to);
      const index = files.findIndex((f) => f.name === to);
      if (index === -1) throw new RunnerUsageError(`--to ${o.to}: no migration file has that name`);
      files = files.slice(0, index + 1);
    }
    const recorded = new Set(state.rec.appliedAs.keys());
    const plan: AdoptionPlan = {
      source: 'baseline',
      table: null,
      entries: files.filter((f) => !recorded.has(f.name)).map((f) => ({ name: f.name, checksum: f.checksum, appliedAt: null, durationMs: 0, recordedAs: null, checksumMatches: null })),
      alreadyRecorded: files.filter((f) => recorded.has(f.name)).map((f) => f.name),
      unmatched: [],
      recorded: false,
    };
    return o.record ? record(session.control, plan, `baseline by ${r.appliedBy}`, r) : plan;
  });
}

/** `migrate adopt --from TOOL`: the other tool's history, matched to the files, recorded as pgwarden's. */
export async function adopt(dir: string, r: Resolved, o: AdoptOptions): Promise<AdoptionPlan> {
  return underRunLock(r, async (session) => {
    const state = await readState(dir, session, r);
    const foreign = await readForeignHistory(session.control, o.from, state.files);
    const recorded = new Set(state.rec.appliedAs.keys());
    const order = new Map(state.files.map((f, i) => [f.name, i]));
    const applied = [...foreign.applied].sort((a, b) => order.get(a.file.name)! - order.get(b.file.name)!);
    const plan: AdoptionPlan = {
      source: o.from,
      table: foreign.table,
      entries: applied
        .filter((a) => !recorded.has(a.file.name))
        .map((a) => ({ name: a.file.name, checksum: a.file.checksum, appliedAt: a.appliedAt?.toISOString() ?? null, durationMs: a.durationMs, recordedAs: a.recordedAs, checksumMatches: a.checksumMatches })),
      alreadyRecorded: applied.filter((a) => recorded.has(a.file.name)).map((a) => a.file.name),
      unmatched: foreign.unmatched,
      recorded: false,
    };
    return o.record ? record(session.control, plan, `adopted from ${o.from} by ${r.appliedBy}`, r) : plan;
  });
}

/** Writes the plan's rows in one transaction, with the file's checksum: later edits show up as drift. */
async function record(client: PgClient, plan: AdoptionPlan, appliedBy: string, r: Resolved): Promise<AdoptionPlan> {
  await ensureHistory(client);
  await client.query('begin');
  try {
    for (const e of plan.entries) {
      await client.query(
        `insert into ${quotedHistorySchema(client)}.migrations (name, checksum, applied_at, applied_by, duration_ms, pgwarden_version) values ($1, $2, coalesce($3::timestamptz, now()), $4, $5, $6)`,
        [e.name, e.checksum, e.appliedAt, appliedBy, Math.round(e.durationMs), pgwardenVersion()],
      );
    }
    await client.query('commit');
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  }
  r.log.info('adopted', { source: plan.source, count: plan.entries.length, message: `recorded ${plan.entries.length} migration(s) as applied (${plan.source === 'baseline' ? 'baseline' : `from ${plan.source}`}); nothing was run` });
  return { ...plan, recorded: true };
}

/** What baseline/adopt will record (or recorded), one line each, for the terminal. */
export function formatAdoptionPlan(plan: AdoptionPlan): string {
  const out: string[] = [];
  const from = plan.source === 'baseline' ? 'baseline' : `${plan.source} (${plan.table})`;
  out.push(`${plan.recorded ? 'recorded' : 'would record'} as applied, without running them — ${from}:`);
  if (plan.entries.length === 0) out.push('  nothing new to record');
  for (const e of plan.entries) {
    const when = e.appliedAt ? `applied ${e.appliedAt}` : 'applied at an unknown time (recorded as now)';
    const as = e.recordedAs ? ` as ${e.recordedAs}` : '';
    const sum = e.checksumMatches === null ? '' : e.checksumMatches ? ', checksum matches' : `, CHECKSUM DIFFERS: the file changed since ${plan.source} applied it`;
    out.push(`  ${e.name}  ${plan.source === 'baseline' ? 'marked applied' : `${when}${as}`}${sum}`);
  }
  for (const n of plan.alreadyRecorded) out.push(`  ${n}  already in pgwarden's history: left as it is`);
  for (const n of plan.unmatched) out.push(`  ${n}  listed by ${plan.source} but no file here: not recorded`);
  return `${out.join('\n')}\n`;
}
