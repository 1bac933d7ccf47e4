import { formatDuration } from './duration.js';
import { MigrationFailedError } from './execute.js';
import { gate, pendingOf, readState, refuseInterrupted, refuseOutOfOrder, select, underRunLock } from './state.js';
/**
 * `up --dry-run`: every pending migration inside one transaction, each behind a savepoint, then a
 * rollback. It proves the migrations run against this database and leaves nothing behind.
 */
export async function dryRun(dir, r, o) {
    return underRunLock(r, async (session) => {
        // no ensureHistory: a dry run leaves nothing behind, not even the runner's schema
        const state = await readState(dir, session, r);
        refuseInterrupted(state);
        const selected = select(pendingOf(state), o, state.history);
        refuseOutOfOrder(state, selected, o.allowOutOfOrder, r.log);
        const acceptedFindings = await gate(state, selected, r);
        const client = session.migration;
        const done = [];
        await client.query(`begin isolation level ${r.settings.isolation}`);
        try {
            await client.query(`set local lock_timeout = ${r.settings.lockTimeoutMs}`);
            await client.query(`set local statement_timeout = ${r.settings.statementTimeoutMs ?? 0}`);
            for (const f of selected) {
                const analysis = state.analyses.get(f.name);
                if (analysis.transaction !== 'runner') {
                    r.log.warn('dry_run_skipped', { migration: f.name, message: `skipped ${f.name}: it cannot be tried inside a transaction (${analysis.transactionReason})` });
                    continue;
                }
                const start = Date.now();
                await client.query('savepoint pgwarden_dry_run');
                try {
                    await client.query(f.text);
                }
                catch (error) {
                    const failure = new MigrationFailedError(f.name, error, 1, `${error.message}${error.code ? ` [${error.code}]` : ''} (dry run, rolled back)`);
                    r.log.error('migration_failed', { migration: f.name, error: failure.message, message: failure.message });
                    throw failure;
                }
                const durationMs = Date.now() - start;
                done.push({ name: f.name, durationMs, attempts: 1 });
                r.log.info('dry_run_migrated', { migration: f.name, duration_ms: durationMs, attempt: 1, message: `ran ${f.name} (${formatDuration(durationMs)}) — dry run` });
            }
        }
        finally {
            await client.query('rollback').catch(() => undefined);
        }
        r.log.info('dry_run_done', { message: `dry run: ${done.length} migration(s) ran and were rolled back; nothing was changed` });
        return { migrations: done, acceptedFindings };
    });
}
