import { compareNatural } from '../sql/discover.js';
import type { LoadedMigration } from './files.js';
import type { HistoryEntry } from './history.js';

/**
 * The files on disk held against the history: which are applied (by name, or by checksum under an
 * older name), which are pending, and every way the two disagree. Pure: status, validate and up share it.
 */
export interface Reconciliation {
  /** Not applied under any name, in file order. */
  pending: LoadedMigration[];
  /** The history entry of each applied file (by its name, or the entry of the name it had before a rename). */
  appliedAs: Map<string, HistoryEntry>;
  /** Files recognised by their checksum as an applied migration recorded under another name. */
  renamed: Array<{ file: LoadedMigration; recordedAs: string }>;
  /** Applied files whose content changed since (checksum differs). */
  drift: Array<{ file: LoadedMigration; entry: HistoryEntry }>;
  /** Applied migrations with no file, sorting among the files (deleted or renamed and edited). */
  missing: HistoryEntry[];
  /** Applied migrations with no file, sorting after every file (applied from a newer checkout). */
  unknown: HistoryEntry[];
  /** Pending files that sort before an applied one. */
  outOfOrder: Array<{ file: LoadedMigration; after: string }>;
}

export function reconcile(files: readonly LoadedMigration[], history: readonly HistoryEntry[]): Reconciliation {
  const byName = new Map(history.map((h) => [h.name, h]));
  const onDisk = new Set(files.map((f) => f.name));
  // an entry without a file may be a file renamed without a change: the same bytes, so the same checksum
  const orphans = new Map<string, HistoryEntry>();
  for (const h of history) if (!onDisk.has(h.name) && !orphans.has(h.checksum)) orphans.set(h.checksum, h);
  const appliedAs = new Map<string, HistoryEntry>();
  const renamed: Reconciliation['renamed'] = [];
  const drift: Reconciliation['drift'] = [];
  const pending: LoadedMigration[] = [];
  const claimed = new Set<string>();
  for (const f of files) {
    const entry = byName.get(f.name);
    if (entry) {
      appliedAs.set(f.name, entry);
      if (entry.checksum !== f.checksum) drift.push({ file: f, entry });
      continue;
    }
    const orphan = orphans.get(f.checksum);
    if (orphan && !claimed.has(orphan.name)) {
      claimed.add(orphan.name);
      appliedAs.set(f.name, orphan);
      renamed.push({ file: f, recordedAs: orphan.name });
      continue;
    }
    pending.push(f);
  }
  let lastApplied = -1;
  files.forEach((f, i) => {
    if (appliedAs.has(f.name)) lastApplied = i;
  });
  const outOfOrder = pending.filter((f) => files.indexOf(f) < lastApplied).map((file) => ({ file, after: files[lastApplied].name }));
  const lastFile = files.at(-1)?.name;
  const missing: HistoryEntry[] = [];
  const unknown: HistoryEntry[] = [];
  for (const h of history) {
    if (onDisk.has(h.name) || claimed.has(h.name)) continue;
    if (lastFile !== undefined && compareNatural(h.name, lastFile) > 0) unknown.push(h);
    else missing.push(h);
  }
  return { pending, appliedAs, renamed, drift, missing, unknown, outOfOrder };
}

/** One disagreement between the files and the history, as `validate` and `status --check` report it. */
export interface HistoryProblem {
  kind: 'drift' | 'missing' | 'unknown' | 'out-of-order' | 'pending' | 'interrupted' | 'unfinished-run';
  migration: string;
  message: string;
}

export function problemsOf(rec: Reconciliation, options: { failOnPending?: boolean; interrupted?: readonly string[] } = {}): HistoryProblem[] {
  const out: HistoryProblem[] = [];
  for (const { file, entry } of rec.drift) {
    out.push({ kind: 'drift', migration: file.name, message: `${file.name} changed after it was applied (recorded checksum ${entry.checksum.slice(0, 12)}…, file ${file.checksum.slice(0, 12)}…)` });
  }
  for (const h of rec.missing) out.push({ kind: 'missing', migration: h.name, message: `${h.name} is applied but its file is missing` });
  for (const h of rec.unknown) out.push({ kind: 'unknown', migration: h.name, message: `${h.name} is applied but unknown here: it sorts after every file (applied from a newer checkout?)` });
  for (const { file, after } of rec.outOfOrder) {
    out.push({ kind: 'out-of-order', migration: file.name, message: `${file.name} is pending but sorts before ${after}, which is applied (out of order)` });
  }
  for (const name of options.interrupted ?? []) out.push({ kind: 'interrupted', migration: name, message: `${name} was interrupted (see \`pgwarden migrate repair\`)` });
  if (options.failOnPending) {
    for (const f of rec.pending) if (!rec.outOfOrder.some((o) => o.file === f)) out.push({ kind: 'pending', migration: f.name, message: `${f.name} is pending` });
  }
  return out;
}
