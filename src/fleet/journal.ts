import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { redact } from '../db/redact.js';
import { FleetUsageError } from './errors.js';
import type { Shard } from './waves.js';

/**
 * The fleet journal: one JSON object per line, appended as the rollout goes (which target is at which
 * migration, with what outcome; which waves passed their health gate). It is how `fleet resume` knows
 * where a rollout stopped and how `fleet status` shows outcomes. It never decides what is applied: each
 * target's own history does, so a line lost in a crash costs a no-op re-run of that target, never a
 * second application. Lines are written synchronously: a killed process leaves every line it wrote.
 */

export type EndState = 'done' | 'halted' | 'paused' | 'health_failed' | 'interrupted';

export interface RolloutRecord {
  type: 'rollout';
  rollout: string;
  at: string;
  fleet: string;
  shard: string | null;
  /** The migration every target is brought to. */
  latest: string | null;
  migrations: Array<{ name: string; checksum: string }>;
  /** Labels of the waves this run goes through (all, or those given with --waves). */
  waves: string[];
  targets: number;
}

export interface WaveRecord {
  type: 'wave';
  rollout: string;
  at: string;
  wave: number;
  label: string;
  state: 'started' | 'confirmed' | 'done' | 'halted' | 'paused' | 'health_failed';
  detail?: string;
}

export interface TargetRecord {
  type: 'target';
  rollout: string;
  at: string;
  target: string;
  wave: number;
  state: 'running' | 'done' | 'failed';
  /** The last migration applied on the target, when known (null: none, or not known after an early failure). */
  version: string | null;
  applied?: string[];
  /** The migration that failed. */
  migration?: string;
  error?: string;
  /** The database is as before the failed migration: rolled back, or restored from the backup. */
  restored?: boolean | null;
  duration_ms?: number;
}

export interface HealthRecord {
  type: 'health';
  rollout: string;
  at: string;
  wave: number;
  ok: boolean;
  detail: string;
}

export interface EndRecord {
  type: 'end';
  rollout: string;
  at: string;
  state: EndState;
  detail?: string;
}

/** `fleet resume` took the rollout up again (after an end that was not `done`, or a killed run). */
export interface ResumeRecord {
  type: 'resume';
  rollout: string;
  at: string;
}

export type JournalRecord = RolloutRecord | WaveRecord | TargetRecord | HealthRecord | EndRecord | ResumeRecord;

/** Records without the fields the journal fills in. */
export type NewRecord = DistributiveOmit<JournalRecord, 'rollout' | 'at'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export interface Journal {
  path: string;
  rollout: string;
  append(record: NewRecord): void;
  close(): void;
}

/** `<journal>.shard-2-of-4.jsonl` for a shard, so that each CI job writes a file of its own. */
export function journalPath(base: string, shard?: Shard): string {
  if (!shard) return base;
  return join(dirname(base), `${stem(base)}.shard-${shard.index}-of-${shard.count}.jsonl`);
}

/** The fleet's journal and its shards' (the files `journalPath` names beside it). */
export function journalFamily(base: string): string[] {
  const dir = dirname(base);
  const prefix = `${stem(base)}.shard-`;
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n === basename(base) || (n.startsWith(prefix) && n.endsWith('.jsonl'))).sort().map((n) => join(dir, n));
}

function stem(path: string): string {
  return basename(path).replace(/\.jsonl$/, '');
}

/**
 * Opens the journal for writing a rollout (a new one, or `rollout` to continue), holding `<path>.lock`:
 * one process writes a journal at a time. A lock left by a process that no longer runs is taken over.
 */
export function openJournal(path: string, rollout: string, secrets: readonly string[] = []): Journal {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const lock = `${path}.lock`;
  takeLock(lock, path);
  let open = true;
  return {
    path,
    rollout,
    append(record) {
      const line = JSON.stringify({ ...record, rollout, at: new Date().toISOString() });
      appendFileSync(path, `${redact(line, secrets)}\n`, { mode: 0o600 });
    },
    close() {
      if (!open) return;
      open = false;
      rmSync(lock, { force: true });
    },
  };
}

function takeLock(lock: string, journal: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(lock, 'wx', 0o600);
      writeSync(fd, `${process.pid} ${hostname()}\n`);
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const [pid, host] = readFileSync(lock, 'utf8').trim().split(' ');
    if (host === hostname() && !alive(Number(pid))) {
      rmSync(lock, { force: true });
      continue;
    }
    throw new FleetUsageError(`journal ${journal} is in use by another fleet run (pid ${pid} on ${host}); wait for it, or remove ${lock} if that run is gone`);
  }
  throw new FleetUsageError(`cannot lock journal ${journal} (${lock})`);
}

function alive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Every record of a journal file; a torn last line (the process was killed mid-write) is skipped. */
export function readJournal(path: string): JournalRecord[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  const records: JournalRecord[] = [];
  lines.forEach((line, i) => {
    try {
      records.push(JSON.parse(line) as JournalRecord);
    } catch {
      if (i !== lines.length - 1) throw new FleetUsageError(`journal ${path}: line ${i + 1} is not JSON; the journal was edited or damaged`);
    }
  });
  return records;
}

/** A rollout as its journal tells it: where each target stands and which waves are behind it. */
export interface RolloutState {
  start: RolloutRecord;
  /** Last record of each target in this rollout. */
  targets: Map<string, TargetRecord>;
  /** Waves that finished, health gate included. */
  wavesDone: Set<number>;
  /** Waves whose pause was answered (or that started): a resume does not ask again. */
  wavesConfirmed: Set<number>;
  end?: EndRecord;
}

/** The last rollout recorded in `records` (undefined: the journal is empty). */
export function lastRollout(records: readonly JournalRecord[]): RolloutState | undefined {
  const start = [...records].reverse().find((r): r is RolloutRecord => r.type === 'rollout');
  if (!start) return undefined;
  const state: RolloutState = { start, targets: new Map(), wavesDone: new Set(), wavesConfirmed: new Set() };
  for (const r of records) {
    if (r.rollout !== start.rollout) continue;
    if (r.type === 'target') state.targets.set(r.target, r);
    else if (r.type === 'wave' && r.state === 'done') state.wavesDone.add(r.wave);
    else if (r.type === 'wave' && (r.state === 'confirmed' || r.state === 'started')) state.wavesConfirmed.add(r.wave);
    else if (r.type === 'end') state.end = r;
    else if (r.type === 'resume') state.end = undefined;
  }
  return state;
}

/** The latest record of every target over several journals (a fleet's shards): what status shows. */
export function latestByTarget(journals: ReadonlyArray<readonly JournalRecord[]>): Map<string, TargetRecord> {
  const out = new Map<string, TargetRecord>();
  for (const records of journals) {
    for (const r of records) {
      if (r.type !== 'target') continue;
      const seen = out.get(r.target);
      if (!seen || seen.at <= r.at) out.set(r.target, r);
    }
  }
  return out;
}
