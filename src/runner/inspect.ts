import type { MigrationStatus, Resolved } from './types.js';
import { openSession } from './connections.js';
import { lintGate } from './gate.js';
import { planEntries, type PlanEntry } from './plan.js';
import { pendingOf, readState } from './state.js';

export async function status(dir: string, r: Resolved): Promise<MigrationStatus[]> {
  const session = await openSession(r.source, 1, r.historySchema);
  try {
    const state = await readState(dir, session, r);
    const recorded = new Map(state.history.map((h) => [h.name, h]));
    const interrupted = new Set(state.attempts.map((a) => a.name));
    const onDisk = new Set(state.files.map((f) => f.name));
    const out: MigrationStatus[] = state.files.map((f) => {
      const h = recorded.get(f.name);
      return {
        name: f.name,
        state: h ? 'applied' : 'pending',
        appliedAt: h ? h.appliedAt.toISOString() : null,
        appliedBy: h?.appliedBy ?? null,
        durationMs: h?.durationMs ?? null,
        checksum: h?.checksum ?? f.checksum,
        drift: h !== undefined && h.checksum !== f.checksum,
        missing: false,
        interrupted: interrupted.has(f.name),
      };
    });
    for (const h of state.history) {
      if (onDisk.has(h.name)) continue;
      out.push({ name: h.name, state: 'applied', appliedAt: h.appliedAt.toISOString(), appliedBy: h.appliedBy, durationMs: h.durationMs, checksum: h.checksum, drift: false, missing: true, interrupted: false });
    }
    return out;
  } finally {
    await session.close();
  }
}

export async function plan(dir: string, r: Resolved): Promise<PlanEntry[]> {
  const session = await openSession(r.source, 1, r.historySchema);
  try {
    const state = await readState(dir, session, r);
    const pending = pendingOf(state);
    const result = await lintGate({
      files: state.files.map((f) => ({ path: f.path, text: f.text })),
      pending: new Set(pending.map((m) => m.path)),
      rules: r.rules,
      options: { pgVersion: state.pgVersion, ...r.lintOptions },
    });
    return planEntries(pending.map((f) => state.analyses.get(f.name)!), result);
  } finally {
    await session.close();
  }
}
