import { createInterface } from 'node:readline/promises';
import { allRules } from '../../../rules/index.js';
import { configurableRuleIds } from '../../lint/engine.js';
import { loadConfig, ConfigError } from '../../lint/load-config.js';
import { ConnectionError } from '../../db/errors.js';
import { redact } from '../../db/redact.js';
import { createConsoleLogger } from '../../runner/logger.js';
import { formatDuration } from '../../runner/duration.js';
import { GateRefusedError, formatFinding } from '../../runner/gate.js';
import { MigrationSetError } from '../../runner/files.js';
import { BACKUP_MODES } from '../../safety/hooks.js';
import { BackupError } from '../../safety/errors.js';
import { fleetSafetyHooks } from '../../api/fleet.js';
import { loadFleetConfig } from '../../fleet/config.js';
import { FleetUsageError } from '../../fleet/errors.js';
import { formatFleetPlan, planFleet } from '../../fleet/plan.js';
import { loadFleet, prepareRollout } from '../../fleet/prepare.js';
import { buildStatus, formatStatus, readLiveVersions } from '../../fleet/status.js';
import { discoverTargets, secretsOf } from '../../fleet/targets.js';
import { parseShard } from '../../fleet/waves.js';
import { loadMigrations } from '../../runner/files.js';
import { EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, UserError } from '../errors.js';
import { onInterrupt } from '../interrupt.js';
function common(cmd) {
    return cmd.option('--fleet <file>', 'the fleet file', 'fleet.yaml');
}
function sharded(cmd) {
    return common(cmd).option('--shard <i/n>', 'only the i-th of n parts of the fleet (a CI matrix); each shard keeps its own journal');
}
function rolloutOptions(cmd) {
    return sharded(cmd)
        .option('-c, --config <path>', 'pgwarden configuration (lint rules of the gate; default: searched upwards)')
        .option('--journal <path>', "journal file (default: the fleet file's journal key, else .pgwarden/fleet/<fleet>.journal.jsonl)")
        .option('--yes', 'start waves marked pause: true without asking')
        .option('--log-format <format>', 'text or json (one JSON object per event, with the target)', 'text')
        .option('--verbose', "text: also each target's own runner lines")
        .option('--pg-dump <path>', 'pg_dump for the backups (default: PATH)');
}
export function registerFleet(program) {
    const fleet = program.command('fleet').description('Roll migrations out to many databases or tenant schemas, in waves, with one guarded run per target.');
    rolloutOptions(fleet.command('up').description('Start a rollout: every target, wave by wave, to the latest migration.'))
        .option('--to <migration>', 'bring the targets up to this migration instead of the last')
        .option('--waves <list>', 'run only these waves (names or numbers, comma-separated)')
        .option('--restart', 'start a new rollout although the last one did not finish')
        .action((flags) => withErrors(flags, () => rollout(flags, 'up')));
    rolloutOptions(fleet.command('resume').description('Continue the rollout that stopped (halted, paused, interrupted or killed) where it stopped.'))
        .option('--retry-failed', 'also retry the failed targets of waves that finished (on_error: continue)')
        .action((flags) => withErrors(flags, () => rollout(flags, 'resume')));
    sharded(fleet.command('plan').description('Show the waves, their targets and where each target stands; changes nothing.'))
        .option('--waves <list>', 'only these waves')
        .option('--format <format>', 'text or json', 'text')
        .action((flags) => withErrors(flags, async () => {
        const config = await load(flags);
        const plan = await planFleet(await loadFleet(config), { shard: shardOf(flags), waves: listOf(flags.waves) });
        process.stdout.write(flags.format === 'json' ? `${JSON.stringify(plan)}\n` : formatFleetPlan(plan));
    }));
    common(fleet.command('status').description("Targets by state and version, failures and drift first, from each target's history and the journals (shards merged)."))
        .option('--format <format>', 'text or json', 'text')
        .option('--journal <path...>', 'further journal files to merge (shards copied from CI jobs)')
        .option('--journal-only', "from the journals alone, without connecting to the targets")
        .action((flags) => withErrors(flags, async () => {
        const config = await load(flags);
        const files = (await loadMigrations(config.migrationsDir)).migrations.map((m) => m.name);
        let live;
        if (!flags.journalOnly) {
            const targets = await discoverTargets(config);
            live = { targets, versions: await readLiveVersions(targets, config.migrationsDir, files) };
        }
        const extra = flags.journal === undefined ? undefined : [].concat(flags.journal);
        const status = buildStatus({ fleet: config.file, files, journalBase: config.journal, extraJournals: extra, live });
        process.stdout.write(redact(flags.format === 'json' ? `${JSON.stringify(status)}\n` : formatStatus(status), secretsOf(config)));
    }));
}
async function rollout(flags, mode) {
    if (flags.logFormat !== 'text' && flags.logFormat !== 'json')
        throw new UserError(`--log-format: expected text or json, not '${flags.logFormat}'`);
    const config = await load(flags);
    if (!BACKUP_MODES.includes(config.backup))
        throw new UserError(`${config.file}: backup: expected ${BACKUP_MODES.join(', ')}`);
    const secrets = secretsOf(config);
    const log = createConsoleLogger({ format: flags.logFormat, secrets });
    const lint = await lintSettings(flags.config);
    const fleet = await loadFleet(config);
    const started = Date.now();
    const shown = new Set();
    const prepared = await prepareRollout(fleet, {
        mode,
        shard: shardOf(flags),
        journal: Array.isArray(flags.journal) ? flags.journal[0] : flags.journal,
        to: flags.to,
        waves: listOf(flags.waves),
        restart: flags.restart,
        retryFailed: flags.retryFailed,
        hooks: fleetSafetyHooks({ backup: config.backup, backupDir: config.backupDir, ...(config.keep !== undefined ? { keep: config.keep } : {}), ...(flags.pgDump ? { pgDumpPath: flags.pgDump } : {}) }),
        lint,
        confirm: (question) => confirm(question, flags.yes === true),
        log,
        targetLog: (target) => targetLogger(log, target, flags.logFormat === 'json', flags.verbose === true, shown),
    });
    const count = new Set(prepared.waves.flatMap((w) => w.members)).size;
    log.info('fleet.start', {
        rollout: prepared.rolloutId,
        targets: count,
        latest: prepared.latest,
        journal: prepared.journal.path,
        message: `${prepared.resumed ? 'resuming' : 'starting'} rollout ${prepared.rolloutId}: ${count} target(s) in ${prepared.waves.length} wave(s) to ${prepared.latest ?? 'no migration'} (journal ${prepared.journal.path})`,
    });
    try {
        const result = await onInterrupt((signal) => {
            const line = prepared.rollout.interrupted(signal);
            prepared.journal.close();
            return line;
        }, () => prepared.rollout.run());
        const took = formatDuration(Date.now() - started);
        const left = result.total - result.done - result.failed.length;
        const where = { done: '', halted: ` in wave ${result.wave}`, paused: ` before wave ${result.wave}`, health_failed: ` at the health gate of wave ${result.wave}`, interrupted: '' }[result.state];
        const counts = [`${result.done} target(s) at ${prepared.latest ?? 'no migration'}`, ...(result.failed.length > 0 ? [`${result.failed.length} failed (${result.failed.join(', ')})`] : []), ...(left > 0 ? [`${left} not started`] : [])];
        const summary = `rollout ${prepared.rolloutId} ${result.state.replace('_', ' ')}${where}: ${counts.join(', ')}, in ${took}`;
        if (result.state === 'done' && result.failed.length === 0)
            log.info('fleet.end', { state: result.state, message: summary });
        else if (result.state === 'paused')
            log.info('fleet.end', { state: result.state, message: summary });
        else
            log.error('fleet.end', { state: result.state, failed: result.failed, message: `${summary}; \`pgwarden fleet status\` shows each target, \`pgwarden fleet resume\` continues` });
        process.exitCode = result.state === 'paused' || (result.state === 'done' && result.failed.length === 0) ? EXIT_OK : EXIT_FINDINGS;
    }
    finally {
        prepared.journal.close();
    }
}
const FLEET_WIDE_EVENTS = new Set(['finding_accepted', 'unsafe_allowed', 'finding', 'discovery', 'backup.skipped']);
/**
 * A target's runner lines on the fleet's output: with the target's name, and in text only what needs
 * reading (warnings and errors; the rollout prints one line per target itself) unless --verbose.
 */
function targetLogger(log, target, json, verbose, shown) {
    const forward = (level) => (event, fields = {}) => {
        if (json)
            return log[level](event, { target: target.name, ...fields, progress: undefined });
        // the fleet's own line reports the failure, its progress line replaces the runner's
        if (fields.progress || fields.quiet || event === 'migration_failed' || (level === 'info' && !verbose))
            return;
        const message = typeof fields.message === 'string' ? fields.message : event;
        // what the lint gate says about a file is the same on every target: once is enough
        if (FLEET_WIDE_EVENTS.has(event) && !verbose) {
            if (shown.has(message))
                return;
            shown.add(message);
            return log[level](event, { ...fields, message: `${message} (the same on every target; shown once)` });
        }
        log[level](event, { ...fields, message: `${target.name}: ${message}` });
    };
    return { info: forward('info'), warn: forward('warn'), error: forward('error') };
}
/** A wave marked pause: true starts when the user says so; without a terminal the rollout pauses. */
async function confirm(question, yes) {
    if (yes)
        return true;
    if (!process.stdin.isTTY || !process.stdout.isTTY)
        return false;
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
        const answer = await rl.question(`\r\x1b[K${question} [y/N] `);
        return /^y(es)?$/i.test(answer.trim());
    }
    finally {
        rl.close();
    }
}
async function load(flags) {
    if (flags.format !== undefined && flags.format !== 'text' && flags.format !== 'json')
        throw new UserError(`--format: expected text or json, not '${flags.format}'`);
    return loadFleetConfig(flags.fleet);
}
async function lintSettings(path) {
    try {
        const { config } = await loadConfig({ configPath: path, knownRules: configurableRuleIds(allRules) });
        return { options: { rules: config.rules, maxFileBytes: config.maxFileBytes } };
    }
    catch (error) {
        if (error instanceof ConfigError)
            throw new UserError(error.message);
        throw error;
    }
}
function shardOf(flags) {
    return flags.shard === undefined ? undefined : parseShard(flags.shard);
}
function listOf(text) {
    return text === undefined ? undefined : text.split(',').map((s) => s.trim()).filter(Boolean);
}
/** Errors a user can cause become one line and their exit code; passwords never get through. */
async function withErrors(flags, work) {
    try {
        await work();
    }
    catch (error) {
        const line = (e) => redact(e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ');
        if (error instanceof GateRefusedError) {
            for (const f of error.findings)
                process.stderr.write(`${formatFinding(f)}\n`);
            const n = error.findings.length;
            throw new UserError(`lint gate: ${n} error finding${n === 1 ? '' : 's'} in pending migrations; nothing was applied to any target of ${flags.fleet} (fix them, suppress each with a reason, or set allow_unsafe: true in the fleet file)`, EXIT_FINDINGS);
        }
        if (error instanceof FleetUsageError || error instanceof ConnectionError || error instanceof MigrationSetError || error instanceof BackupError) {
            throw new UserError(line(error), EXIT_USAGE);
        }
        if (error instanceof UserError)
            throw error;
        const code = error.code;
        if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))
            throw new UserError(`database error: ${line(error)} [${code}]`, EXIT_FINDINGS);
        throw error;
    }
}
