import { randomBytes } from 'node:crypto';
import { createRunner } from '../runner/runner.js';
import { loadMigrations } from '../runner/files.js';
import { GateRefusedError, RUNNER_SATISFIED_RULES } from '../runner/gate.js';
import { migrationNameOf } from '../runner/state.js';
import { silentLogger } from '../runner/logger.js';
import { FleetUsageError } from './errors.js';
import { journalPath, lastRollout, openJournal, readJournal } from './journal.js';
import { createRollout } from './rollout.js';
import { readLiveVersions } from './status.js';
import { runnerOptionsFor } from './target-run.js';
import { discoverTargets, secretsOf } from './targets.js';
import { planWaves } from './waves.js';
export async function loadFleet(config) {
    const loaded = await loadMigrations(config.migrationsDir);
    const targets = await discoverTargets(config);
    if (targets.length === 0)
        throw new FleetUsageError(`${config.file}: no targets: ${describeSource(config)} found nothing`);
    return {
        config,
        targets,
        byName: new Map(targets.map((t) => [t.name, t])),
        migrations: loaded.migrations.map((m) => ({ name: m.name, checksum: m.checksum })),
        secrets: secretsOf(config),
    };
}
export function describeSource(config) {
    const s = config.source;
    if (s.kind === 'list')
        return `${s.targets.length} listed target(s)`;
    return `${s.kind} matching '${s.match}'${s.exclude.length > 0 ? ` (except ${s.exclude.join(', ')})` : ''}`;
}
/** The waves this run goes through: the fleet's, for its shard, perhaps restricted to some waves. */
export function selectWaves(fleet, selection) {
    const planned = planWaves(fleet.targets.map((t) => t.name), fleet.config.waves, selection.shard);
    if (!selection.waves)
        return planned;
    const wanted = new Set();
    for (const w of selection.waves) {
        const byNumber = /^\d+$/.test(w) ? planned[Number(w) - 1] : undefined;
        const found = byNumber ?? planned.find((p) => p.label === w);
        if (!found)
            throw new FleetUsageError(`--waves: no wave '${w}' (the waves are ${planned.map((p, i) => `${i + 1} ${p.label}`).join(', ')})`);
        wanted.add(found.index);
    }
    return planned.filter((p) => wanted.has(p.index));
}
/**
 * Everything before the first target runs: the journal says whether this starts or resumes a rollout,
 * the migrations are checked against what the rollout already applied, the canaries of a sharded run
 * must be done, and the lint gate is tried on the first target so that an unsafe migration stops the
 * whole fleet rather than each target in turn.
 */
export async function prepareRollout(fleet, o) {
    const { config } = fleet;
    const path = o.journal ?? journalPath(config.journal, o.shard);
    const previous = lastRollout(readJournal(path));
    const unfinished = previous && previous.end?.state !== 'done' ? previous : undefined;
    const files = fleet.migrations.map((m) => m.name);
    let latest;
    let resumed;
    if (o.mode === 'resume') {
        if (!unfinished) {
            throw new FleetUsageError(previous ? `nothing to resume in ${path}: rollout ${previous.start.rollout} finished (${previous.end?.detail ?? 'done'}); \`pgwarden fleet up\` starts a new one` : `nothing to resume: no rollout in ${path}`);
        }
        resumed = unfinished;
        latest = unfinished.start.latest;
        checkUnchanged(fleet, unfinished);
    }
    else {
        if (unfinished && !o.restart) {
            const how = unfinished.end ? `${unfinished.end.state}${unfinished.end.detail ? `: ${unfinished.end.detail}` : ''}` : 'no end recorded: its process was killed';
            throw new FleetUsageError(`rollout ${unfinished.start.rollout} (started ${unfinished.start.at}) did not finish (${how}): \`pgwarden fleet resume\` continues it, \`pgwarden fleet up --restart\` starts over from the first wave`);
        }
        latest = o.to !== undefined ? migrationNameOf(o.to) : (files.at(-1) ?? null);
        if (latest !== null && !files.includes(latest))
            throw new FleetUsageError(`--to ${o.to}: no migration of ${config.migrationsDir} has that name`);
    }
    let waves = selectWaves(fleet, { shard: o.shard, waves: o.waves ?? (resumed ? resumed.start.waves : undefined) });
    const settings = {
        dir: config.migrationsDir,
        files,
        to: latest,
        hooks: o.hooks,
        runner: {
            lockTimeout: config.runner.lockTimeoutMs,
            statementTimeout: config.runner.statementTimeoutMs,
            lockRetries: config.runner.lockRetries,
            retryDeadline: config.runner.retryDeadlineMs,
            waitForLock: config.runner.waitForLockMs,
            lint: { ...o.lint, allowUnsafe: config.runner.allowUnsafe || o.lint?.allowUnsafe === true },
            ...(o.appliedBy ? { appliedBy: o.appliedBy } : {}),
        },
    };
    if (o.shard && !o.waves)
        waves = await withoutNamedWaves(fleet, waves, latest);
    await preflightGate(fleet, waves, settings);
    const rolloutId = resumed?.start.rollout ?? newRolloutId();
    const journal = openJournal(path, rolloutId, fleet.secrets);
    if (resumed)
        journal.append({ type: 'resume' });
    else {
        journal.append({
            type: 'rollout',
            fleet: config.file,
            shard: o.shard ? `${o.shard.index}/${o.shard.count}` : null,
            latest,
            migrations: fleet.migrations,
            waves: waves.map((w) => w.label),
            targets: new Set(waves.flatMap((w) => w.members)).size,
        });
    }
    const rollout = createRollout({
        waves,
        targets: fleet.byName,
        settings,
        onError: config.onError,
        maxFailures: config.maxFailures,
        journal,
        resume: resumed,
        retryFailed: o.retryFailed,
        confirm: o.confirm,
        log: o.log,
        targetLog: o.targetLog,
    });
    return { rollout, journal, waves, rolloutId, resumed, latest };
}
/**
 * A migration the rollout applied somewhere must not change before the rollout resumes (its targets
 * would disagree on what it did); one that no target got yet may be fixed in between.
 */
function checkUnchanged(fleet, rollout) {
    const now = new Map(fleet.migrations.map((m) => [m.name, m.checksum]));
    const names = rollout.start.migrations.map((m) => m.name);
    const furthest = Math.max(-1, ...[...rollout.targets.values()].map((t) => (t.version ? names.indexOf(t.version) : -1)));
    for (const [i, m] of rollout.start.migrations.entries()) {
        if (i > furthest)
            break;
        if (!now.has(m.name))
            throw new FleetUsageError(`cannot resume rollout ${rollout.start.rollout}: migration ${m.name}, applied on some targets, is no longer in ${fleet.config.migrationsDir}`);
        if (now.get(m.name) !== m.checksum) {
            throw new FleetUsageError(`cannot resume rollout ${rollout.start.rollout}: migration ${m.name} changed since the rollout applied it on some targets; restore the file, or add a new migration and start a new rollout`);
        }
    }
    if (rollout.start.latest !== null && !now.has(rollout.start.latest)) {
        throw new FleetUsageError(`cannot resume rollout ${rollout.start.rollout}: its target version ${rollout.start.latest} is no longer in ${fleet.config.migrationsDir}`);
    }
}
/**
 * Shards run at once and cannot wait for each other, so they skip the named waves (canaries) and start
 * only once those are done — checked on the canaries' own histories.
 */
async function withoutNamedWaves(fleet, waves, latest) {
    const named = planWaves(fleet.targets.map((t) => t.name), fleet.config.waves).filter((w) => w.named);
    const members = named.flatMap((w) => w.members.map((m) => fleet.byName.get(m)));
    if (members.length > 0 && latest !== null) {
        const files = fleet.migrations.map((m) => m.name);
        const versions = await readLiveVersions(members, fleet.config.migrationsDir, files);
        const behind = members.find((m) => {
            const v = versions.get(m.name);
            return !v || v.error !== undefined || v.version === null || files.indexOf(v.version) < files.indexOf(latest);
        });
        if (behind) {
            const wave = named.find((w) => w.members.includes(behind.name));
            const v = versions.get(behind.name);
            throw new FleetUsageError(`wave ${wave.label} is not done (${behind.name} is ${v?.error ? `unreachable: ${v.error}` : `at ${v?.version ?? 'no migration'}`}): shards do not run named waves; ` +
                `run \`pgwarden fleet up --fleet ${fleet.config.file} --waves ${wave.label}\` before the shards`);
        }
    }
    return waves.filter((w) => !w.named);
}
/** The lint gate of the first target to run, before any target: an unsafe migration refuses the fleet at once. */
async function preflightGate(fleet, waves, settings) {
    if (settings.runner.lint?.allowUnsafe)
        return;
    const first = waves.flatMap((w) => w.members)[0];
    if (!first)
        return;
    let entries;
    try {
        entries = await createRunner(runnerOptionsFor(fleet.byName.get(first), settings, silentLogger)).plan();
    }
    catch {
        return; // an unreachable target is reported by its own run
    }
    const blocking = entries
        .filter((e) => e.blocked && (settings.to === null || settings.files.indexOf(e.name) <= settings.files.indexOf(settings.to)))
        .flatMap((e) => e.findings.filter((f) => f.severity === 'error' && !RUNNER_SATISFIED_RULES.has(f.rule) && !f.suppressed?.reason));
    if (blocking.length > 0)
        throw new GateRefusedError(blocking);
}
function newRolloutId(now = new Date()) {
    return `${now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15)}-${randomBytes(2).toString('hex')}`;
}
