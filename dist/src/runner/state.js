import { serverVersion } from '../db/version.js';
import { quoteIdent } from '../db/quote.js';
import { analyzeMigrations } from '../analysis/migration-analysis.js';
import { acquireRunLock, holdsRunLock, releaseRunLock, RunLockLostError } from './advisory-lock.js';
import { openSession } from './connections.js';
import { formatDuration } from './duration.js';
import { loadMigrations } from './files.js';
import { lintGate, GateRefusedError, formatFinding } from './gate.js';
import { readAttempts, readHistory } from './history.js';
import { RunnerUsageError, InterruptedMigrationError, OutOfOrderError } from './errors.js';
import { reconcile } from './reconcile.js';
export async function readState(dir, session, r) {
    const loaded = await loadMigrations(dir, { maxFileBytes: r.lintOptions.maxFileBytes });
    for (const w of loaded.warnings)
        r.log.warn('discovery', { message: w });
    const history = await readHistory(session.control);
    const attempts = await readAttempts(session.control);
    const pgVersion = (await serverVersion(session.control)).major;
    const analyzed = await analyzeMigrations(loaded.migrations.map((m) => ({ name: m.name, path: m.path, text: m.text })), { pgVersion, transaction: 'per-file', searchPath: r.searchPath });
    return { files: loaded.migrations, history, attempts, analyses: new Map(analyzed.map((a) => [a.name, a])), pgVersion, rec: reconcile(loaded.migrations, history) };
}
export function planned(file, analysis) {
    return {
        name: file.name,
        path: file.path,
        sql: file.text,
        transactional: analysis.transaction === 'runner',
        tablesAtRisk: analysis.tablesAtRisk.map((t) => t.table),
        allowDataLoss: analysis.allowDataLoss,
        risks: analysis.risks,
        statements: analysis.statements,
    };
}
/** Not applied under any name: a renamed file with an applied migration's checksum is not run again. */
export function pendingOf(state) {
    return state.rec.pending;
}
/** A pending migration that sorts before an applied one runs on a schema its author never saw: refused unless allowed. */
export function refuseOutOfOrder(state, selected, allow, log) {
    const late = state.rec.outOfOrder.filter((o) => selected.includes(o.file));
    if (late.length === 0)
        return;
    const names = late.map((o) => o.file.name).join(', ');
    if (!allow) {
        throw new OutOfOrderError(`${names} ${late.length > 1 ? 'sort' : 'sorts'} before ${late[0].after}, which is already applied (out of order); nothing was applied: rename ${late.length > 1 ? 'them' : 'it'} to sort after the last applied migration, or pass --allow-out-of-order`);
    }
    log.warn('out_of_order', { message: `--allow-out-of-order: applying ${names} after ${late[0].after}, which sorts later` });
}
export function select(pending, o, history = []) {
    if (o.to !== undefined) {
        const to = migrationNameOf(o.to);
        const index = pending.findIndex((m) => m.name === to);
        // a deploy script re-run with the same --to finds its target applied: up to date, not a usage error
        if (index === -1 && history.some((h) => h.name === to))
            return [];
        if (index === -1)
            throw new RunnerUsageError(`--to ${o.to}: no pending migration has that name`);
        return pending.slice(0, index + 1);
    }
    if (o.step !== undefined) {
        if (!Number.isInteger(o.step) || o.step < 1)
            throw new RunnerUsageError(`--step: '${o.step}' is not a whole number >= 1`);
        return pending.slice(0, o.step);
    }
    return pending;
}
export function refuseInterrupted(state) {
    const a = state.attempts[0];
    if (a)
        throw new InterruptedMigrationError(a);
}
export function warnDrift(state, log) {
    for (const { file } of state.rec.drift) {
        log.warn('checksum_drift', { migration: file.name, message: `${file.name} changed after it was applied (checksum drift): the change will not be applied` });
    }
    for (const { file, recordedAs } of state.rec.renamed) {
        log.warn('renamed', { migration: file.name, recorded_as: recordedAs, message: `${file.name} has the checksum of ${recordedAs}, which is applied: taken as renamed, not applied again` });
    }
}
export async function gate(state, selected, r) {
    if (selected.length === 0)
        return [];
    return gateFiles(state.files.map((f) => ({ path: f.path, text: f.text })), new Set(selected.map((m) => m.path)), state.pgVersion, r);
}
/**
 * `down`'s gate: the down files, linted after the applied migrations are replayed (so the model holds
 * what they built), in the order they run. A file that is its own down file (dbmate, goose) is replayed
 * only as its down section.
 */
export async function downGate(state, targets, r) {
    const ownDown = new Set(targets.filter((t) => t.planned.path === t.file.path).map((t) => t.file.path));
    const applied = state.files.filter((f) => state.rec.appliedAs.has(f.name) && !ownDown.has(f.path)).map((f) => ({ path: f.path, text: f.text }));
    const downs = targets.map((t) => ({ path: t.planned.path, text: t.planned.sql }));
    return gateFiles([...applied, ...downs], new Set(downs.map((d) => d.path)), state.pgVersion, r);
}
async function gateFiles(files, pending, pgVersion, r) {
    const result = await lintGate({ files, pending, rules: r.rules, options: { pgVersion, ...r.lintOptions } });
    for (const f of result.accepted) {
        r.log.warn('finding_accepted', { migration: migrationNameOf(f.file), file: f.file, rule: f.rule, message: `accepted (suppressed with a reason: ${f.suppressed?.reason}): ${formatFinding(f)}` });
    }
    if (result.blocking.length === 0)
        return result.accepted;
    // the caller prints the refused findings (the CLI with its reporter)
    if (!r.allowUnsafe)
        throw new GateRefusedError(result.blocking);
    r.log.warn('unsafe_allowed', {
        message: `--allow-unsafe: applying despite ${result.blocking.length} error finding(s) of the lint gate`,
        findings: result.blocking.length,
    });
    for (const f of result.blocking)
        r.log.warn('finding', { migration: migrationNameOf(f.file), file: f.file, rule: f.rule, message: `UNSAFE, ALLOWED: ${formatFinding(f)}` });
    return [...result.accepted, ...result.blocking];
}
/** Opens the session, takes the run lock, runs `work`, and always releases and closes. */
export async function underRunLock(r, work) {
    const session = await openSession(r.source, 2, r.historySchema);
    try {
        await session.migration.query("set application_name = 'pgwarden'");
        // a URL target has the path in its startup options already (so that RESET keeps it); a pool or client not
        if (r.searchPath && r.source.kind !== 'target') {
            for (const c of new Set([session.control, session.migration]))
                await c.query(`set search_path to ${r.searchPath.map(quoteIdent).join(', ')}`);
        }
        // A killed runner must not leave its statement running (holding its locks) until the statement ends
        // by itself: the server checks for the vanished client every second (PostgreSQL 14+; older ones ignore it).
        await session.migration.query("set client_connection_check_interval = '1s'").catch(() => undefined);
        r.log.info('waiting_for_lock', { message: `taking the run lock (waiting up to ${formatDuration(r.waitForLockMs)})`, quiet: true });
        // Held on the connection that applies the migrations: a terminated session takes its lock and its
        // migration's transaction with it, so no other runner can start while this one is still applying.
        let before;
        await acquireRunLock(session.migration, r.waitForLockMs, undefined, r.runLockKey, async () => {
            before = new Set((await readHistory(session.control)).map((h) => h.name));
        });
        const appliedWhileWaiting = before ? (await readHistory(session.control)).map((h) => h.name).filter((n) => !before.has(n)) : [];
        session.lock = {
            key: r.runLockKey,
            appliedWhileWaiting,
            async assertHeld(migration, outcome) {
                if (!(await holdsRunLock(session.migration, r.runLockKey)))
                    throw new RunLockLostError(migration, undefined, outcome);
            },
        };
        try {
            return await work(session);
        }
        finally {
            await releaseRunLock(session.migration, r.runLockKey).catch(() => undefined);
        }
    }
    finally {
        await session.close();
    }
}
/** `--to` takes a migration's name or its file (`0012_x.up.sql`, `migrations/0012_x.sql`, Prisma's `<dir>/migration.sql`). */
export function migrationNameOf(given) {
    const parts = given.replace(/\\/g, '/').split('/').filter(Boolean);
    const base = parts.at(-1) === 'migration.sql' && parts.length > 1 ? parts.at(-2) : (parts.at(-1) ?? given);
    return base.replace(/(\.up|\.down)?\.sql$/i, '');
}
