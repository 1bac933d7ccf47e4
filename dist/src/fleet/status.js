import { createRunner } from '../runner/runner.js';
import { silentLogger } from '../runner/logger.js';
import { redactError } from '../db/redact.js';
import { readJournal, latestByTarget, lastRollout, journalFamily } from './journal.js';
import { runPool } from './pool.js';
import { runnerOptionsFor } from './target-run.js';
/** Failures and drift first: what needs a person comes at the top. */
export const STATE_ORDER = ['failed', 'interrupted', 'unreachable', 'drift', 'behind', 'running', 'unknown', 'current'];
/** Reads every target's history through the runner (read-only: status takes no lock, applies nothing). */
export async function readLiveVersions(targets, dir, files, parallel = 8) {
    const out = new Map();
    await runPool(targets, parallel, async (target) => {
        try {
            const rows = await createRunner(runnerOptionsFor(target, { dir, runner: {} }, silentLogger)).status();
            const applied = new Set(rows.filter((r) => r.state === 'applied').map((r) => r.name));
            const version = [...files].reverse().find((f) => applied.has(f)) ?? null;
            out.set(target.name, {
                version,
                pending: files.filter((f) => !applied.has(f)).length,
                drift: rows.filter((r) => r.drift || r.missing).map((r) => r.name),
                interrupted: rows.find((r) => r.interrupted)?.name ?? null,
            });
        }
        catch (error) {
            out.set(target.name, { version: null, pending: 0, drift: [], interrupted: null, error: redactError(error) });
        }
    });
    return out;
}
export function buildStatus(input) {
    const journals = [...new Set([...journalFamily(input.journalBase), ...(input.extraJournals ?? [])])];
    const records = journals.map((path) => readJournal(path));
    const last = latestByTarget(records);
    const latest = input.files.at(-1) ?? null;
    const names = input.live ? input.live.targets.map((t) => t.name) : [...last.keys()];
    const targets = names.map((name) => {
        const record = last.get(name);
        const journaled = record
            ? { rollout: record.rollout, at: record.at, state: record.state, wave: record.wave, ...(record.migration ? { migration: record.migration } : {}), ...(record.error ? { error: record.error } : {}), ...(record.state === 'failed' ? { restored: record.restored ?? null } : {}) }
            : null;
        const live = input.live?.versions.get(name);
        const t = live ? fromHistory(name, live, journaled, latest) : fromJournal(name, journaled, record, latest);
        return { target: t.target, state: t.state, version: t.version, pending: t.pending, drift: t.drift, detail: t.detail, last: t.last };
    });
    targets.sort((a, b) => STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state) || (a.target < b.target ? -1 : a.target > b.target ? 1 : 0));
    const summary = { total: targets.length };
    for (const t of targets)
        summary[t.state] = (summary[t.state] ?? 0) + 1;
    const rollouts = journals.flatMap((path, i) => {
        const state = lastRollout(records[i]);
        return state ? [{ journal: path, rollout: state.start.rollout, startedAt: state.start.at, shard: state.start.shard, end: state.end?.state ?? null, detail: state.end?.detail ?? null }] : [];
    });
    return { fleet: input.fleet, latest, journals, live: input.live !== undefined, rollouts, targets, summary };
}
function fromHistory(name, live, last, latest) {
    const base = { target: name, version: live.version, pending: live.error ? null : live.pending, drift: live.drift, last };
    if (live.error)
        return { ...base, state: 'unreachable', detail: live.error };
    if (live.interrupted)
        return { ...base, state: 'interrupted', detail: `${live.interrupted} was interrupted outside a transaction: run \`pgwarden migrate repair\` on this target` };
    if (last?.state === 'failed' && live.pending > 0)
        return { ...base, state: 'failed', detail: failureText(last) };
    if (live.drift.length > 0)
        return { ...base, state: 'drift', detail: `changed or missing since applied: ${live.drift.join(', ')}` };
    if (live.pending > 0)
        return { ...base, state: 'behind', detail: `${live.pending} migration(s) to apply up to ${latest}${last?.state === 'running' ? ' (its run was interrupted)' : ''}` };
    return { ...base, state: 'current', detail: null };
}
function fromJournal(name, last, record, latest) {
    const base = { target: name, version: record?.version ?? null, pending: null, drift: [], last };
    if (!record)
        return { ...base, state: 'unknown', detail: 'not in the journals' };
    if (record.state === 'failed')
        return { ...base, state: 'failed', detail: failureText(record) };
    if (record.state === 'running')
        return { ...base, state: 'running', detail: 'started, no outcome recorded (running, or its run was stopped)' };
    if (record.version !== latest)
        return { ...base, state: 'behind', detail: `at ${record.version ?? 'no migration'}, the directory goes up to ${latest}` };
    return { ...base, state: 'current', detail: null };
}
/** The runner's message names the migration and says what became of it; a restore from the backup is added. */
function failureText(last) {
    const error = last.error ?? `${last.migration ?? 'its run'} failed`;
    if (last.restored === false)
        return `${error} (NOT restored)`;
    if (last.restored === true && !/rolled back/.test(error))
        return `${error} (restored from its backup)`;
    return error;
}
/** The text table: one line per target, failures and drift first, then the counts. */
export function formatStatus(status) {
    const header = ['TARGET', 'STATE', 'VERSION', 'PENDING', 'LAST RUN', 'DETAIL'];
    const rows = status.targets.map((t) => [t.target, t.state, t.version ?? '-', t.pending === null ? '-' : String(t.pending), t.last ? t.last.at.replace(/\.\d+Z$/, 'Z') : '-', t.detail ?? '']);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.slice(0, 500).map((r) => r[i].length)));
    const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
    const counts = STATE_ORDER.filter((s) => status.summary[s]).map((s) => `${status.summary[s]} ${s}`).join(', ');
    const source = status.live ? 'from each target\'s history' : `from the journals only (${status.journals.length})`;
    const ended = status.rollouts.map((r) => `${r.shard ? `shard ${r.shard}` : 'rollout'} ${r.rollout}: ${r.end ?? 'no end recorded (running, or killed)'}${r.detail ? ` — ${r.detail}` : ''}`);
    return [line(header), ...rows.map(line), '', `${status.summary.total} target(s) ${source}, latest ${status.latest ?? 'none'}: ${counts || 'none'}`, ...ended, ''].join('\n');
}
