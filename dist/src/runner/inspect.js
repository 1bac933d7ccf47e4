import { problemsOf } from './reconcile.js';
import { unresolvedRuns, whatNext } from './journal.js';
import { openSession } from './connections.js';
import { lintGate } from './gate.js';
import { planEntries } from './plan.js';
import { pendingOf, readState } from './state.js';
export async function status(dir, r) {
    return (await validate(dir, r, {})).migrations;
}
/** Every migration's state and every disagreement of files and history; reads only, takes no lock. */
export async function validate(dir, r, o) {
    const session = await openSession(r.source, 1, r.historySchema);
    try {
        const state = await readState(dir, session, r);
        const { rec } = state;
        const interrupted = new Set(state.attempts.map((a) => a.name));
        const late = new Set(rec.outOfOrder.map((x) => x.file.name));
        const renamedFrom = new Map(rec.renamed.map((x) => [x.file.name, x.recordedAs]));
        const drifted = new Set(rec.drift.map((x) => x.file.name));
        const row = (h, name, extra) => ({
            name,
            state: 'applied',
            appliedAt: h.appliedAt.toISOString(),
            appliedBy: h.appliedBy,
            durationMs: h.durationMs,
            checksum: h.checksum,
            drift: false,
            missing: false,
            interrupted: interrupted.has(name),
            outOfOrder: false,
            unknown: false,
            renamedFrom: null,
            ...extra,
        });
        const migrations = state.files.map((f) => {
            const h = rec.appliedAs.get(f.name);
            if (h)
                return row(h, f.name, { drift: drifted.has(f.name), renamedFrom: renamedFrom.get(f.name) ?? null });
            return {
                name: f.name,
                state: 'pending',
                appliedAt: null,
                appliedBy: null,
                durationMs: null,
                checksum: f.checksum,
                drift: false,
                missing: false,
                interrupted: interrupted.has(f.name),
                outOfOrder: late.has(f.name),
                unknown: false,
                renamedFrom: null,
            };
        });
        for (const h of rec.missing)
            migrations.push(row(h, h.name, { missing: true }));
        for (const h of rec.unknown)
            migrations.push(row(h, h.name, { missing: true, unknown: true }));
        const runs = (await unresolvedRuns(session.control)).map((run) => ({ ...run, ...whatNext(run) }));
        const problems = problemsOf(rec, { failOnPending: o.failOnPending, interrupted: [...interrupted] });
        for (const run of runs)
            problems.push({ kind: 'unfinished-run', migration: run.migration ?? '', message: `run ${run.id} (${run.command}) did not finish, state ${run.state}: ${run.left}; way out: ${run.wayOut}` });
        return { migrations, problems, runs };
    }
    finally {
        await session.close();
    }
}
export async function plan(dir, r) {
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
        return planEntries(pending.map((f) => state.analyses.get(f.name)), result);
    }
    finally {
        await session.close();
    }
}
