import { formatDuration } from '../runner/duration.js';
import { soak } from './health.js';
import { runPool } from './pool.js';
import { RolloutProgress } from './progress.js';
import { migrateTarget } from './target-run.js';
/**
 * The single-database runner applied per target, wave after wave: each wave's targets run with the
 * wave's parallelism, the error budget decides whether the wave goes on, the health gate decides whether
 * the next wave starts. Every step is journaled first, so a resume continues where this stopped.
 */
export function createRollout(o) {
    const latest = new Map(o.resume?.targets ?? []);
    const running = new Set();
    let currentWave;
    let ended = false;
    const total = new Set(o.waves.flatMap((w) => w.members)).size;
    const progress = new RolloutProgress(total);
    const failedNow = () => [...latest.values()].filter((r) => r.state === 'failed').map((r) => r.target);
    const end = (state, detail) => {
        ended = true;
        o.journal.append({ type: 'end', state, detail });
        const failed = failedNow();
        const done = [...latest.values()].filter((r) => r.state === 'done').length;
        return { state, detail, failed, done, total, wave: state === 'done' ? null : (currentWave?.label ?? null) };
    };
    const report = (target, wave, outcome) => {
        const fields = { target: target.name, wave: wave.label, state: outcome.state, version: outcome.version, applied: outcome.applied, duration_ms: outcome.durationMs };
        if (outcome.state === 'done') {
            const what = outcome.applied.length > 0 ? `applied ${outcome.applied.join(', ')}` : `up to date${outcome.version ? ` at ${outcome.version}` : ''}`;
            o.log.info('fleet.target', { ...fields, message: `${target.name}: ${what} (${formatDuration(outcome.durationMs)})` });
            return;
        }
        const version = outcome.version ?? 'no migration';
        const outcomeText = outcome.restored === true ? `; ${target.name} is as before it, at ${version}` : outcome.restored === false ? '; NOT restored: see its lines above' : '';
        const at = outcome.migration ? ` at ${outcome.migration}` : '';
        o.log.error('fleet.target', { ...fields, migration: outcome.migration ?? null, error: outcome.error, restored: outcome.restored ?? null, message: `${target.name}: FAILED${at}: ${outcome.error}${outcomeText}` });
    };
    const runTarget = async (target, wave) => {
        running.add(target.name);
        progress.started();
        o.journal.append({ type: 'target', target: target.name, wave: wave.index, state: 'running', version: latest.get(target.name)?.version ?? null });
        const outcome = await migrateTarget(target, o.settings, o.targetLog(target));
        running.delete(target.name);
        const record = {
            type: 'target',
            rollout: o.journal.rollout,
            at: new Date().toISOString(),
            target: target.name,
            wave: wave.index,
            state: outcome.state,
            version: outcome.version,
            applied: outcome.applied,
            ...(outcome.migration ? { migration: outcome.migration } : {}),
            ...(outcome.error ? { error: outcome.error } : {}),
            ...(outcome.state === 'failed' ? { restored: outcome.restored ?? null } : {}),
            duration_ms: outcome.durationMs,
        };
        const { rollout: _r, at: _a, ...line } = record;
        o.journal.append(line);
        latest.set(target.name, record);
        progress.finished(outcome.state === 'done', outcome.durationMs);
        report(target, wave, outcome);
        o.log.info('fleet.progress', { ...progress.counts(), eta_ms: progress.etaMs() ?? null, message: progress.line(), progress: true });
        return outcome;
    };
    const overBudget = (waveFailed) => (o.onError === 'halt' ? waveFailed : failedNow().length > o.maxFailures);
    async function run() {
        progress.carried([...latest.values()].filter((r) => r.state === 'done' && o.waves.some((w) => w.members.includes(r.target))).length);
        for (const [position, wave] of o.waves.entries()) {
            currentWave = wave;
            const finished = o.resume?.wavesDone.has(wave.index) ?? false;
            if (finished && !o.retryFailed)
                continue;
            const todo = wave.members.filter((m) => latest.get(m)?.state !== 'done' && (!finished || latest.get(m)?.state === 'failed'));
            const after = o.waves.slice(position + 1).map((w) => ({ targets: w.members.length, parallel: w.parallel, soakMs: w.soakMs }));
            progress.enterWave(wave.label, { targets: todo.length, parallel: wave.parallel, soakMs: wave.soakMs }, after);
            if (wave.pause && !finished && todo.length > 0 && !o.resume?.wavesConfirmed.has(wave.index)) {
                const go = await o.confirm(`start wave ${wave.label} (${todo.length} target(s), ${wave.parallel} at a time)?`);
                if (!go) {
                    o.journal.append({ type: 'wave', wave: wave.index, label: wave.label, state: 'paused' });
                    o.log.info('fleet.paused', { wave: wave.label, message: `paused before wave ${wave.label}: run \`pgwarden fleet resume\` to start it` });
                    return end('paused', `before wave ${wave.label}`);
                }
                o.journal.append({ type: 'wave', wave: wave.index, label: wave.label, state: 'confirmed' });
            }
            o.journal.append({ type: 'wave', wave: wave.index, label: wave.label, state: 'started' });
            o.log.info('fleet.wave', {
                wave: wave.label,
                targets: todo.length,
                parallel: wave.parallel,
                message: `wave ${wave.label}: ${todo.length} target(s)${todo.length < wave.members.length ? ` (${wave.members.length - todo.length} already done)` : ''}, ${wave.parallel} at a time`,
            });
            let waveFailed = false;
            await runPool(todo, wave.parallel, async (name) => {
                const outcome = await runTarget(o.targets.get(name), wave);
                if (outcome.state === 'failed')
                    waveFailed = true;
            }, () => overBudget(waveFailed));
            if (overBudget(waveFailed)) {
                const failed = failedNow();
                const why = o.onError === 'halt' ? 'on_error: halt' : `${failed.length} failed, above max_failures ${o.maxFailures}`;
                const left = todo.filter((m) => !latest.has(m) || latest.get(m).state === 'running').length;
                const detail = `wave ${wave.label} halted (${why}): failed ${failed.join(', ')}; ${left} target(s) of the wave not started`;
                o.journal.append({ type: 'wave', wave: wave.index, label: wave.label, state: 'halted', detail });
                o.log.error('fleet.halted', { wave: wave.label, failed, message: detail });
                return end('halted', detail);
            }
            const migrated = wave.members.filter((m) => latest.get(m)?.state === 'done').map((m) => o.targets.get(m));
            if (wave.health && !finished && migrated.length > 0) {
                o.log.info('fleet.health', { wave: wave.label, message: `wave ${wave.label}: health gate on ${migrated.length} target(s)${wave.soakMs > 0 ? `, soaking ${formatDuration(wave.soakMs)}` : ''}…`, progress: true });
                const result = await soak(wave.health, migrated, {
                    soakMs: wave.soakMs,
                    parallel: wave.parallel,
                    wave: wave.label,
                    onPoll: (r) => o.journal.append({ type: 'health', wave: wave.index, ok: r.ok, detail: r.detail }),
                });
                if (!result.ok) {
                    const detail = `health gate failed after wave ${wave.label}: ${result.detail}`;
                    o.journal.append({ type: 'wave', wave: wave.index, label: wave.label, state: 'health_failed', detail });
                    o.log.error('fleet.health_failed', { wave: wave.label, message: `${detail}; the next wave did not start` });
                    return end('health_failed', detail);
                }
                o.log.info('fleet.health_ok', { wave: wave.label, message: `wave ${wave.label}: healthy (${result.detail})` });
            }
            o.journal.append({ type: 'wave', wave: wave.index, label: wave.label, state: 'done' });
        }
        const failed = failedNow();
        return end('done', failed.length > 0 ? `all waves done; ${failed.length} target(s) failed within the error budget: ${failed.join(', ')}` : 'all waves done');
    }
    return {
        run,
        interrupted(signal) {
            const where = currentWave ? ` during wave ${currentWave.label}` : '';
            const busy = [...running];
            if (!ended)
                o.journal.append({ type: 'end', state: 'interrupted', detail: `${signal}${where}; running: ${busy.join(', ') || 'none'}` });
            return (`interrupted (${signal})${where}: stopped${busy.length > 0 ? `; ${busy.length} target(s) were migrating (${busy.slice(0, 5).join(', ')}${busy.length > 5 ? ', …' : ''}): their transactions roll back as the connections close` : ''}; ` +
                '`pgwarden fleet resume` continues where this stopped (a migration that ran outside a transaction shows as interrupted in `pgwarden fleet status`)');
        },
    };
}
