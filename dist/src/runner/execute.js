import { nodeAs } from '../sql/ast.js';
import { quoteIdent } from '../db/quote.js';
import { cannotRunInTransaction } from '../analysis/transactions.js';
import { backoffDelay, isRetryable, sleep, sqlState } from './retry.js';
import { describeBlockers, watchBlockers } from './blockers.js';
import { finishAttempt, progressAttempt, recordApplied, removeApplied, startAttempt } from './history.js';
import { formatDuration } from './duration.js';
import { holdsRunLock, RunLockLostError } from './advisory-lock.js';
/** A migration that failed; the cause keeps the driver's error (SQLSTATE in `code`). */
export class MigrationFailedError extends Error {
    migration;
    attempts;
    cause;
    constructor(migration, cause, attempts, detail) {
        super(`migration ${migration} failed: ${detail}`);
        this.name = 'MigrationFailedError';
        this.migration = migration;
        this.cause = cause;
        this.attempts = attempts;
    }
}
/**
 * Applies or reverts one migration with the transaction policy of DESIGN.md: in one transaction
 * (retried as a whole after a lock timeout), statement by statement outside one (retrying only the
 * statement that timed out), or as written when the file manages its own transactions.
 */
export async function runJob(job, conns, settings, hooks, log) {
    const env = { conns, settings, hooks, log };
    if (job.analysis.transaction === 'runner')
        return runInTransaction(job, env);
    return runOutsideTransaction(job, env);
}
/**
 * Serialization failures at REPEATABLE READ after which a transactional migration is retried at READ
 * COMMITTED: on a table the application keeps updating, every attempt meets a row changed after its
 * snapshot, where psql's READ COMMITTED would wait for the row and go on.
 */
export const SERIALIZATION_FALLBACK = 3;
async function runInTransaction(job, env) {
    const { migration: client } = env.conns;
    const context = { migration: job.planned, client, log: env.log };
    const firstStart = Date.now();
    let isolation = env.settings.isolation;
    let serializationFailures = 0;
    for (let attempt = 1;; attempt++) {
        const start = Date.now();
        let stage = 'sql';
        try {
            await env.conns.lock?.assertHeld(job.planned.name, 'nothing of it was applied');
            await client.query(`begin isolation level ${isolation}`);
            await client.query(`set local lock_timeout = ${env.settings.lockTimeoutMs}`);
            await client.query(`set local statement_timeout = ${env.settings.statementTimeoutMs ?? 0}`);
            stage = 'beforeMigration';
            for (const h of env.hooks)
                await h.beforeMigration?.(context);
            stage = 'sql';
            const run = await watchBlockers(env.conns.monitor, env.conns.migrationPid, sampleInterval(env.settings), () => client.query(job.planned.sql));
            if (run.error)
                throw withBlockers(run.error, run.blockers);
            stage = 'afterMigration';
            const ran = { ...context, results: resultsOf(run.value) };
            for (const h of env.hooks)
                await h.afterMigration?.(ran);
            stage = 'history';
            const durationMs = Date.now() - start;
            if (job.direction === 'up') {
                await recordApplied(client, { name: job.planned.name, checksum: job.checksum, appliedBy: job.appliedBy, durationMs, pgwardenVersion: job.pgwardenVersion });
            }
            else {
                await removeApplied(client, job.planned.name);
            }
            stage = 'commit';
            // the last moment another runner's start can be noticed: never commit without the lock
            await env.conns.lock?.assertHeld(job.planned.name, 'rolled back, nothing of it was kept');
            await client.query('commit');
            return { durationMs, attempts: attempt };
        }
        catch (error) {
            await client.query('rollback').catch(() => undefined);
            await throwIfLockLost(env, job, error, 'rolled back, nothing of it was kept');
            if (sqlState(error) === '40001' && ++serializationFailures === SERIALIZATION_FALLBACK && isolation === 'repeatable read') {
                isolation = 'read committed';
                env.log.warn('isolation.fallback', {
                    migration: job.planned.name,
                    message: `${job.planned.name}: ${SERIALIZATION_FALLBACK} serialization failures at repeatable read (the application keeps changing rows it changes): the next attempts run at read committed, where the safety net verifies with the server's counts and the catalog, and compares values only where the application's writes cannot blur them`,
                });
            }
            if (await retryOrGiveUp(job, env, error, attempt, firstStart, 'rolled back'))
                continue;
            throw new MigrationFailedError(job.planned.name, error, attempt, describeFailure(error, stage, job.planned.sql, 'rolled back, nothing of it was kept'));
        }
    }
}
async function runOutsideTransaction(job, env) {
    const { migration: client } = env.conns;
    const context = { migration: job.planned, client, log: env.log };
    const name = job.planned.name;
    const explicit = job.analysis.transaction === 'explicit';
    // Each top-level statement is sent alone, a file with its own BEGIN/COMMIT too (as psql runs it, and
    // as lint assumes): in one multi-statement query PostgreSQL would wrap whatever stands outside its
    // blocks in an implicit transaction, where CONCURRENTLY & co. are refused.
    const steps = job.analysis.statements.filter((s) => !s.parent).map((s) => ({ text: s.text, statement: s }));
    const start = Date.now();
    const resume = job.resume;
    // the marker of an interrupted attempt stays, and keeps counting statements the way it did
    if (resume && explicit)
        throw new MigrationFailedError(name, undefined, 0, `${name} manages its own transactions: it cannot be resumed statement by statement`);
    if (!resume)
        await startAttempt(client, { name, direction: job.direction, checksum: job.checksum, startedBy: job.appliedBy, statementsTotal: steps.length });
    let attempts = 1;
    let stage = 'sql';
    try {
        await client.query(`set lock_timeout = ${env.settings.lockTimeoutMs}`);
        await client.query(`set statement_timeout = ${env.settings.statementTimeoutMs ?? 0}`);
        stage = 'beforeMigration';
        for (const h of env.hooks)
            await h.beforeMigration?.(context);
        stage = 'sql';
        for (const [index, step] of steps.entries()) {
            if (resume && index < resume.statementsDone)
                continue;
            const done = resume && step.statement ? await resume.alreadyApplied(client, step.statement) : undefined;
            if (done) {
                env.log.info('statement_skipped', { migration: name, statement: index + 1, message: `${name}: statement ${index + 1} of ${steps.length} skipped: ${done}` });
                await progressAttempt(client, name, index + 1);
                continue;
            }
            await env.conns.lock?.assertHeld(name, `ran outside a transaction: ${index} of ${steps.length} statements applied; marked as interrupted in pgwarden.migration_attempts`);
            for (let attempt = 1;; attempt++) {
                const run = await watchBlockers(env.conns.monitor, env.conns.migrationPid, sampleInterval(env.settings), async () => {
                    // the cleanup waits for locks too, so it shares the statement's retry; a resumed statement may
                    // have been killed halfway through, like a timed-out one
                    if ((attempt > 1 || resume) && step.statement)
                        await dropInvalidIndexLeftBy(client, step.statement);
                    return runStatement(client, env.hooks, statementContext(context, step, index, explicit));
                });
                if (!run.error)
                    break;
                const error = withBlockers(run.error, run.blockers);
                // An explicit-transaction file may have committed part of itself: never rerun it blindly.
                if (explicit || !(await retryOrGiveUp(job, env, error, attempt, start, `statement ${index + 1} of ${steps.length} not applied`))) {
                    throw error;
                }
                attempts++;
            }
            await progressAttempt(client, name, index + 1);
        }
        stage = 'afterMigration';
        for (const h of env.hooks)
            await h.afterMigration?.(context);
        stage = 'history';
        const durationMs = Date.now() - start;
        await client.query('begin');
        if (job.direction === 'up') {
            await recordApplied(client, { name, checksum: job.checksum, appliedBy: job.appliedBy, durationMs, pgwardenVersion: job.pgwardenVersion });
        }
        else {
            await removeApplied(client, name);
        }
        await finishAttempt(client, name);
        await env.conns.lock?.assertHeld(name, 'ran outside a transaction: its statements are applied but it is not recorded; marked as interrupted in pgwarden.migration_attempts');
        await client.query('commit');
        return { durationMs, attempts };
    }
    catch (error) {
        await client.query('rollback').catch(() => undefined);
        await throwIfLockLost(env, job, error, 'ran outside a transaction: earlier statements stay applied; marked as interrupted in pgwarden.migration_attempts');
        throw new MigrationFailedError(name, error, attempts, describeFailure(error, stage, undefined, `ran outside a transaction: earlier statements stay applied; marked as interrupted in pgwarden.migration_attempts`));
    }
    finally {
        await client.query('reset lock_timeout; reset statement_timeout').catch(() => undefined);
    }
}
/** A failure because the run lock's session is gone is not the migration's fault: say so, and never retry. */
async function throwIfLockLost(env, job, error, outcome) {
    if (error instanceof RunLockLostError)
        throw error;
    if (env.conns.lock && !(await holdsRunLock(env.conns.migration, env.conns.lock.key)))
        throw new RunLockLostError(job.planned.name, error, outcome);
}
/**
 * The hooks' view of one statement run outside a migration transaction. It gets a transaction of its
 * own (REPEATABLE READ) when hooks watch statements and PostgreSQL accepts it in one: what the
 * statement did can then be measured, and refused, before it commits — the same as a whole migration.
 */
function statementContext(context, step, index, explicit) {
    const inTransaction = !explicit && step.statement !== undefined && cannotRunInTransaction(step.statement) === undefined;
    return { ...context, statement: { index, text: step.text, line: step.statement?.range.start.line ?? 1, parsed: step.statement, inTransaction } };
}
async function runStatement(client, hooks, context) {
    const watched = hooks.some((h) => h.beforeStatement || h.afterStatement);
    if (!watched)
        return client.query(context.statement.text);
    if (!context.statement.inTransaction) {
        for (const h of hooks)
            await h.beforeStatement?.(context);
        const result = await client.query(context.statement.text);
        for (const h of hooks)
            await h.afterStatement?.({ ...context, results: resultsOf(result) });
        return result;
    }
    await client.query('begin isolation level repeatable read');
    try {
        for (const h of hooks)
            await h.beforeStatement?.(context);
        const result = await client.query(context.statement.text);
        for (const h of hooks)
            await h.afterStatement?.({ ...context, results: resultsOf(result) });
        await client.query('commit');
        return result;
    }
    catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
    }
}
/** Command tag and row count of each statement node-pg answered for (one Result, or one per statement). */
function resultsOf(value) {
    if (value === undefined || value === null)
        return undefined;
    return (Array.isArray(value) ? value : [value]).map((r) => ({ command: r?.command ?? null, rowCount: r?.rowCount ?? null }));
}
/** Logs and sleeps before another attempt; false when the error is not retryable or retries are spent. */
async function retryOrGiveUp(job, env, error, attempt, firstStart, state) {
    if (!isRetryable(error))
        return false;
    const delay = backoffDelay(attempt, env.settings.backoff);
    const spent = attempt > env.settings.lockRetries || Date.now() - firstStart + delay > env.settings.retryDeadlineMs;
    const blockers = error.blockers ?? [];
    const what = sqlState(error) === '55P03' ? `gave up waiting for a lock after ${env.settings.lockTimeoutMs} ms` : `hit ${error.message}`;
    // a serialization failure waits for no lock: another session committed a change to a row this one changes
    const why = sqlState(error) === '40001' ? 'another session changed a row it changes after its snapshot was taken' : `blocked by ${describeBlockers(blockers)}`;
    const fields = {
        migration: job.planned.name,
        attempt,
        error: error.message,
        code: sqlState(error),
        blockers,
    };
    if (spent) {
        env.log.error('retries_exhausted', { ...fields, message: `${job.planned.name}: ${what} (${state}); no retries left after ${attempt} attempts; ${why}` });
        return false;
    }
    env.log.warn('lock_timeout', {
        ...fields,
        retry_in_ms: delay,
        message: `${job.planned.name}: ${what} (${state}), attempt ${attempt} of ${env.settings.lockRetries + 1}; ${why}; retrying in ${formatDuration(delay)}`,
    });
    await sleep(delay);
    return true;
}
/**
 * A CREATE INDEX CONCURRENTLY that timed out after creating its catalog entry leaves an INVALID index
 * behind; the retry would fail on the name, so drop that leftover first (never a valid index).
 */
export async function dropInvalidIndexLeftBy(client, statement) {
    for (const r of await invalidIndexesLeftBy(client, statement))
        await client.query(`drop index concurrently if exists ${quoteIdent(r.schema)}.${quoteIdent(r.name)}`);
}
/** The INVALID indexes a CREATE INDEX CONCURRENTLY statement leaves when it is interrupted (none for other statements). */
export async function invalidIndexesLeftBy(client, statement) {
    const index = nodeAs(statement.node, 'IndexStmt');
    if (!index?.concurrent || !index.idxname)
        return [];
    const schema = index.relation?.schemaname;
    const { rows } = await client.query(`select n.nspname as schema from pg_index i join pg_class c on c.oid = i.indexrelid join pg_namespace n on n.oid = c.relnamespace
      where c.relname = $1 and not i.indisvalid and ($2::text is null and pg_table_is_visible(i.indrelid) or n.nspname = $2)`, [index.idxname, schema ?? null]);
    return rows.map((r) => ({ schema: r.schema, name: index.idxname }));
}
function sampleInterval(settings) {
    return Math.max(20, Math.min(200, Math.floor(settings.lockTimeoutMs / 3)));
}
function withBlockers(error, blockers) {
    if (error && typeof error === 'object' && blockers.length > 0)
        Object.assign(error, { blockers });
    return error;
}
const STAGE_NAMES = {
    beforeMigration: 'before the migration ran (safety checks)',
    afterMigration: 'at verification, before commit',
    history: 'while recording the history',
};
/** One line: the server's message, the SQLSTATE, the line in the file, and what state the database is in. */
function describeFailure(error, stage, sql, outcome) {
    const e = error;
    let where = '';
    if (stage !== 'sql' && stage !== 'commit')
        where = ` ${STAGE_NAMES[stage] ?? `in the ${stage} step`}`;
    else if (sql && e.position && /^\d+$/.test(e.position)) {
        const line = sql.slice(0, Number(e.position) - 1).split('\n').length;
        where = ` at line ${line}`;
    }
    const code = e.code ? ` [${e.code}]` : '';
    return `${(e.message ?? String(error)).replace(/\s*\n\s*/g, ' ')}${code}${where} (${outcome})`;
}
