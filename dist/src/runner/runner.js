import { basename, dirname, join } from 'node:path';
import { analyzeMigrations } from '../analysis/migration-analysis.js';
import { readDownText } from './files.js';
import { ensureHistory } from './history.js';
import { ForeignHistoryError, RunnerUsageError, UnfinishedRunError } from './errors.js';
import { otherToolHistories } from './foreign-history.js';
import { resolveOptions } from './options.js';
import { downGate, gate, migrationNameOf, pendingOf, planned, readState, refuseInterrupted, refuseOutOfOrder, select, underRunLock, warnDrift } from './state.js';
import { guardedRun } from './guarded-run.js';
import { closeRuns, describeRun, needsRestore, unresolvedRuns } from './journal.js';
import { dryRun } from './dry-run.js';
import { plan, status, validate } from './inspect.js';
import { repairMigration } from './repair.js';
import { adopt, baseline } from './adopt.js';
/** The guarded runner; each method opens its own connections and closes them before it returns. */
export function createRunner(options) {
    const r = resolveOptions(options);
    return {
        up: (o = {}) => (o.dryRun ? dryRun(options.dir, r, o) : up(options.dir, r, o)),
        down: (o = {}) => down(options.dir, r, o),
        status: () => status(options.dir, r),
        validate: (o = {}) => validate(options.dir, r, o),
        plan: () => plan(options.dir, r),
        repair: (o = {}) => repairMigration(options.dir, r, o),
        baseline: (o = {}) => baseline(options.dir, r, o),
        adopt: (o) => adopt(options.dir, r, o),
    };
}
async function up(dir, r, o) {
    return underRunLock(r, async (session) => {
        await ensureHistory(session.control);
        // history is read after the lock: whatever another runner applied meanwhile is not pending any more
        const state = await readState(dir, session, r);
        await settleUnfinishedRuns(session, state, r.log);
        warnDrift(state, r.log);
        const selected = select(pendingOf(state), o, state.history);
        if (selected.length === 0) {
            let message = o.to === undefined || pendingOf(state).length === 0 ? 'no pending migrations' : `${migrationNameOf(o.to)} is already applied: nothing to apply up to it`;
            const meanwhile = session.lock?.appliedWhileWaiting ?? [];
            if (meanwhile.length > 0)
                message += `: another runner applied ${meanwhile.join(', ')} while this one waited for the run lock`;
            r.log.info('up_to_date', { message });
            return { migrations: [], acceptedFindings: [] };
        }
        refuseOutOfOrder(state, selected, o.allowOutOfOrder, r.log);
        if (state.history.length === 0 && !o.ignoreOtherHistory)
            await refuseOtherToolHistory(session);
        const acceptedFindings = await gate(state, selected, r);
        const targets = selected.map((f) => ({ file: f, planned: planned(f, state.analyses.get(f.name)), analysis: state.analyses.get(f.name) }));
        return { migrations: await guardedRun(session, state, targets, 'up', r), acceptedFindings };
    });
}
async function down(dir, r, o) {
    return underRunLock(r, async (session) => {
        await ensureHistory(session.control);
        const state = await readState(dir, session, r);
        await settleUnfinishedRuns(session, state, r.log);
        // a renamed file reverts the migration recorded under its old name
        const files = new Map(state.files.filter((f) => state.rec.appliedAs.has(f.name)).map((f) => [state.rec.appliedAs.get(f.name).name, f]));
        const applied = [...state.history].reverse();
        let chosen;
        if (o.to !== undefined) {
            const to = migrationNameOf(o.to);
            const index = applied.findIndex((h) => h.name === to);
            if (index === -1)
                throw new RunnerUsageError(`--to ${o.to}: no applied migration has that name`);
            chosen = applied.slice(0, index + 1);
        }
        else {
            const step = o.step ?? 1;
            if (!Number.isInteger(step) || step < 1)
                throw new RunnerUsageError(`--step: '${step}' is not a whole number >= 1`);
            chosen = applied.slice(0, step);
        }
        if (chosen.length === 0) {
            r.log.info('nothing_to_revert', { message: 'no applied migrations to revert' });
            return { migrations: [], acceptedFindings: [] };
        }
        // refuse before reverting anything when one of them cannot be reverted
        const targets = [];
        for (const h of chosen) {
            const f = files.get(h.name);
            if (!f)
                throw new RunnerUsageError(`cannot revert ${h.name}: its migration file is not in ${dir} any more`);
            if (!f.downPath)
                throw new RunnerUsageError(`cannot revert ${h.name}: ${missingDownFile(f)}`);
            const sql = await readDownText(f);
            const [analysis] = await analyzeMigrations([{ name: h.name, path: f.downPath, text: sql }], { pgVersion: state.pgVersion, transaction: 'per-file', searchPath: r.searchPath });
            // the history's name: a renamed file's row is the one its revert removes
            const file = { ...f, name: h.name };
            targets.push({ file, planned: { ...planned(file, analysis), path: f.downPath, sql }, analysis });
        }
        // the same gate as up: the down files are linted on the schema the applied migrations built
        const acceptedFindings = await downGate(state, targets, r);
        return { migrations: await guardedRun(session, state, targets, 'down', r), acceptedFindings };
    });
}
/**
 * Runs that did not end (their process is gone: this one holds the lock). One that left nothing
 * half-done is closed with a warning; one that was restoring stops everything until it is resolved.
 */
async function settleUnfinishedRuns(session, state, log) {
    const runs = await unresolvedRuns(session.control);
    const blocking = runs.find(needsRestore);
    // before the interrupted marker: a restore under way is what the way out must finish, not --resume
    if (blocking)
        throw new UnfinishedRunError(describeRun(blocking));
    refuseInterrupted(state);
    for (const run of runs)
        log.warn('unfinished_run', { run: run.id, state: run.state, migration: run.migration, message: `${describeRun(run)}; closed` });
    await closeRuns(session.control, runs.map((run) => run.id), 'abandoned');
}
/** A first `up` where another tool's history says the migrations ran already would run them all again. */
async function refuseOtherToolHistory(session) {
    const found = await otherToolHistories(session.control);
    if (found.length === 0)
        return;
    const what = found.map((f) => `${f.table} (${f.tools.join(', ')})`).join(', ');
    const adopt = found.flatMap((f) => f.tools).map((t) => `\`pgwarden migrate adopt --from ${t}\``).join(' or ');
    throw new ForeignHistoryError(`this database keeps another tool's migration history in ${what}, and pgwarden has none here: nothing was applied; ` +
        `import it first with ${adopt} (or \`pgwarden migrate baseline\`), or pass --ignore-other-history to apply every migration from the start`);
}
/** Why a migration cannot be reverted, in its tool's terms: the file `down` looks for, or none at all. */
function missingDownFile(f) {
    const file = basename(f.path);
    if (file === 'migration.sql')
        return 'Prisma migrations have no down files; undo it with a new migration';
    const flyway = /^V(.+?)__(.+)$/.exec(file);
    if (flyway)
        return `it has no undo file (expected ${join(dirname(f.path), `U${flyway[1]}__${flyway[2]}`)})`;
    const sqitch = /^(.*)[\\/]deploy[\\/]([^\\/]+)$/.exec(f.path);
    if (sqitch)
        return `it has no revert script (expected ${join(sqitch[1], 'revert', sqitch[2])})`;
    return `it has no down file (expected ${join(dirname(f.path), `${f.name}.down.sql`)})`;
}
