import { loadUmzug } from './umzug-lean.js';
import { formatDuration } from './duration.js';
import { runJob, MigrationFailedError } from './execute.js';
import { finishAttempt, historyStorage } from './history.js';
import { RunLockLostError } from './advisory-lock.js';
import { RunJournal } from './journal.js';
import { pgwardenVersion } from '../version.js';
/**
 * The guarded run that `up` and `down` share, one state machine journaled in the runner's schema:
 * locked → backing_up (beforeRun hooks) → for each migration applying → verifying (afterMigration
 * hooks) → committing → committed; a failure outside a transaction → restoring → restored |
 * restore_failed; the run ends done or failed.
 */
export async function guardedRun(session, state, targets, direction, r) {
    const journal = await RunJournal.start(session.control, direction, r.appliedBy);
    const log = noteBackups(r.log, journal);
    const run = { databaseUrl: r.databaseUrl, migrations: targets.map((t) => t.planned), client: session.control, log, historySchema: r.historySchema };
    const done = [];
    let ok = false;
    try {
        if (r.hooks.some((h) => h.beforeRun))
            await journal.move('backing_up');
        for (const h of r.hooks)
            await h.beforeRun?.(run);
        await runWithUmzug(session, state, targets, direction, { ...r, log }, journal, done);
        ok = true;
    }
    finally {
        try {
            for (const h of r.hooks)
                await h.afterRun?.({ ...run, ok });
        }
        finally {
            if (ok)
                await journal.move('done');
            // restored and restore_failed say more than failed; restore_failed stays open for a person
            else if (journal.state !== 'restored' && journal.state !== 'restore_failed')
                await journal.move('failed').catch(() => undefined);
        }
    }
    return done;
}
/** The safety net names its backup in a log event; the journal keeps it, so that a way out can name it. */
function noteBackups(log, journal) {
    // not awaited: the control connection runs its queries in order, so the note lands before the next move
    const note = (event, fields) => {
        if (event === 'backup.start' && typeof fields?.id === 'string')
            void journal.noteBackup(fields.id).catch(() => undefined);
    };
    return {
        info: (e, f) => (note(e, f), log.info(e, f)),
        warn: (e, f) => (note(e, f), log.warn(e, f)),
        error: (e, f) => (note(e, f), log.error(e, f)),
    };
}
/** Runs jobs through umzug: its storage reads our history table, its events drive the log lines. */
async function runWithUmzug(session, state, targets, direction, r, journal, done) {
    const results = new Map();
    const byName = new Map(targets.map((t) => [t.planned.name, t]));
    const run = async (name) => {
        const target = byName.get(name);
        const job = { direction, planned: target.planned, analysis: target.analysis, checksum: target.file.checksum, appliedBy: r.appliedBy, pgwardenVersion: pgwardenVersion() };
        await journal.move('applying', name);
        results.set(name, { name, ...(await runOrFail(job, session, r, journal)) });
        await journal.move('committed', name);
    };
    // umzug knows every migration by the name the history has for it (a renamed file: its old name)
    const names = state.files.map((f) => state.rec.appliedAs.get(f.name)?.name ?? f.name);
    const { Umzug, MigrationError } = await loadUmzug();
    const umzug = new Umzug({
        migrations: names.map((name) => ({ name, up: () => run(name), down: () => run(name) })),
        storage: historyStorage(session.migration),
        logger: undefined,
    });
    const verb = direction === 'up' ? 'applying' : 'reverting';
    umzug.on(direction === 'up' ? 'migrating' : 'reverting', ({ name }) => {
        r.log.info(direction === 'up' ? 'migrating' : 'reverting', { migration: name, message: `${verb} ${name}…`, progress: true });
    });
    umzug.on(direction === 'up' ? 'migrated' : 'reverted', ({ name }) => {
        const res = results.get(name);
        done.push(res);
        const retried = res.attempts > 1 ? ` after ${res.attempts} attempts` : '';
        const word = direction === 'up' ? 'applied' : 'reverted';
        r.log.info(direction === 'up' ? 'migrated' : 'reverted', {
            migration: name,
            duration_ms: res.durationMs,
            attempt: res.attempts,
            message: `${word} ${name} (${formatDuration(res.durationMs)}${retried})`,
        });
    });
    try {
        if (direction === 'up')
            await umzug.up({ migrations: targets.map((t) => t.planned.name) });
        else
            await umzug.down({ migrations: targets.map((t) => t.planned.name) });
    }
    catch (error) {
        throw error instanceof MigrationError ? (error.cause ?? error) : error;
    }
}
/** The journal's own steps around the safety net's: first and last of the afterMigration hooks. */
function journaled(hooks, journal) {
    return [
        { afterMigration: ({ migration }) => journal.move('verifying', migration.name) },
        ...hooks,
        { afterMigration: ({ migration }) => journal.move('committing', migration.name) },
    ];
}
async function runOrFail(job, session, r, journal) {
    const monitor = session.control === session.migration ? undefined : session.control;
    try {
        return await runJob(job, { migration: session.migration, migrationPid: session.migrationPid, monitor, lock: session.lock }, r.settings, journaled(r.hooks, journal), r.log);
    }
    catch (error) {
        // restoring needs the lock too: the next run (or repair) sees what is left
        if (error instanceof RunLockLostError) {
            r.log.error('run_lock_lost', { migration: job.planned.name, error: error.message, message: error.message, quiet: true });
            throw error;
        }
        const failure = error instanceof MigrationFailedError ? error : new MigrationFailedError(job.planned.name, error, 1, String(error));
        r.log.error('migration_failed', { migration: job.planned.name, attempt: failure.attempts, error: failure.message, message: failure.message });
        const context = { migration: job.planned, client: session.migration, log: r.log, error: failure.cause };
        // a transactional migration rolled back: the hooks only report; outside one, they restore
        const restoring = !job.planned.transactional && r.hooks.some((h) => h.onFailure);
        if (restoring)
            await journal.move('restoring', job.planned.name);
        let restored = false;
        try {
            for (const h of r.hooks)
                restored = (await h.onFailure?.(context))?.restored === true || restored;
        }
        catch (restoreError) {
            if (restoring) {
                await journal.move('restore_failed', job.planned.name, { detail: restoreError.message }).catch(() => undefined);
                const by = journal.backup ? `\`pgwarden backups restore ${journal.backup} --yes\` (it rewinds the history too)` : 'restoring your own backup, then `pgwarden migrate repair --forget`';
                r.log.error('restore_failed', { migration: job.planned.name, message: `the restore after ${job.planned.name} did not finish (${restoreError.message}): finish it by hand with ${by}` });
            }
            throw restoreError;
        }
        if (restored && !job.planned.transactional) {
            await finishAttempt(session.migration, job.planned.name);
            await journal.move('restored', job.planned.name);
            r.log.info('interrupted_cleared', { migration: job.planned.name, message: `${job.planned.name}: database restored to its state before the migration; nothing is left half-applied` });
        }
        else if (restoring) {
            // no backup to restore from: the interrupted marker stays, for `repair`
            await journal.move('failed', job.planned.name);
        }
        throw failure;
    }
}
