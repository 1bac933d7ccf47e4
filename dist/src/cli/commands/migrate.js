import { readFile } from 'node:fs/promises';
import { allRules } from '../../../rules/index.js';
import { loadConfig, ConfigError } from '../../lint/load-config.js';
import { configurableRuleIds } from '../../lint/engine.js';
import { reporterFor, ruleCatalog } from '../../report/index.js';
import { ConnectionError } from '../../db/errors.js';
import { redact } from '../../db/redact.js';
import { resolveConnection } from '../../db/url.js';
import { createRunner } from '../../runner/runner.js';
import { createConsoleLogger } from '../../runner/logger.js';
import { createMigration } from '../../runner/create.js';
import { formatPlan } from '../../runner/plan.js';
import { formatRepairReport } from '../../runner/repair.js';
import { needsRestore } from '../../runner/journal.js';
import { formatAdoptionPlan } from '../../runner/adopt.js';
import { ADOPT_SOURCES } from '../../runner/foreign-history.js';
import { parseDuration } from '../../runner/duration.js';
import { GateRefusedError, formatFinding } from '../../runner/gate.js';
import { MigrationFailedError } from '../../runner/execute.js';
import { RunLockLostError, RunLockTimeoutError } from '../../runner/advisory-lock.js';
import { ForeignHistoryError, RunnerUsageError, InterruptedMigrationError, OutOfOrderError, UnfinishedRunError } from '../../runner/errors.js';
import { migrationNameOf } from '../../runner/state.js';
import { MigrationSetError } from '../../runner/files.js';
import { BACKUP_MODES, BackupError, DEFAULT_BACKUP_DIR, DEFAULT_VERIFY_MAX_ROWS, RestoreError, safetyHooks } from '../../safety/index.js';
import { UserError, EXIT_FINDINGS, EXIT_LOCK_LOST, EXIT_OK, EXIT_USAGE } from '../errors.js';
import { fromConfigDir } from '../project-paths.js';
import { onInterrupt, trackProgress } from '../interrupt.js';
import { version } from '../version.js';
import { tenantHistorySchema } from '../../fleet/targets.js';
function common(cmd) {
    return cmd
        .option('--database-url <url>', 'postgres:// URL (default: DATABASE_URL, then the PG* variables)')
        .option('--schema <name>', 'one tenant of a schema-per-tenant database, as `pgwarden fleet` migrates it: search_path <name>, public; history in pgwarden_<name>; the safety net within the schema')
        .option('--dir <dir>', "migrations directory (default: the configuration's migrationsDir, else migrations)")
        .option('-c, --config <path>', 'configuration file (default: searched upwards from the working directory)')
        .option('--log-format <format>', 'text or json (one JSON object per event)', 'text')
        .option('--max-file-size <size>', "refuse a migration file above this size before reading it, e.g. 10MiB (default: the configuration's maxFileBytes, else 10 MiB)");
}
/** How statements wait for locks: shared by the commands that run migration SQL (up, down, repair). */
function lockOptions(cmd) {
    return cmd
        .option('--lock-timeout <duration>', 'lock_timeout for each statement; a timeout is retried', '500ms')
        .option('--statement-timeout <duration>', 'statement_timeout for each statement (default: none)')
        .option('--lock-retries <n>', 'retries after a lock timeout', '10')
        .option('--retry-deadline <duration>', 'no retry starts later than this after the first attempt', '10m')
        .option('--wait-for-lock <duration>', 'how long to wait for another pgwarden run on the same database', '3m');
}
function applyOptions(cmd) {
    return lockOptions(common(cmd))
        .option('--to <name>', 'up: apply up to and including this migration; down: revert back to and including it')
        .option('--step <n>', 'at most n migrations')
        .option('--isolation <level>', "'repeatable read' or 'read committed' for each migration's transaction", 'repeatable read')
        .option('--allow-unsafe', 'apply even when the lint gate finds errors (logged loudly)')
        .option('--backup <mode>', `backup before the first migration: ${BACKUP_MODES.join(', ')}`, 'targeted')
        .option('--backup-dir <dir>', 'where backups and their manifests go', DEFAULT_BACKUP_DIR)
        .option('--keep <n>', 'keep only the n newest backups (default: all)')
        .option('--pg-dump <path>', 'pg_dump to use; pg_restore is taken from the same directory (default: PATH)')
        .option('--verify-max-rows <n>', 'above this many rows a table is verified by the planner estimate', String(DEFAULT_VERIFY_MAX_ROWS));
}
export function registerMigrate(program) {
    const migrate = program.command('migrate').description('Apply migrations safely: lint gate, run lock, lock_timeout with retries, history.');
    applyOptions(migrate.command('up').description('Apply pending migrations in order.'))
        .option('--dry-run', 'run the pending migrations inside one transaction and roll back')
        .option('--allow-out-of-order', 'apply a pending migration that sorts before an applied one (refused otherwise)')
        .option('--ignore-other-history', "a first up applies every migration although another tool's history table says they ran")
        .action((flags) => withErrors(flags, async (runner, log) => {
        const result = await runner.up({ to: flags.to, step: count(flags.step, '--step'), dryRun: flags.dryRun, allowOutOfOrder: flags.allowOutOfOrder, ignoreOtherHistory: flags.ignoreOtherHistory });
        if (result.migrations.length > 0 && !flags.dryRun)
            log.info('done', { message: `${result.migrations.length} migration(s) applied` });
    }));
    applyOptions(migrate.command('down').description('Revert applied migrations with their down files (default: the last one).'))
        .action((flags) => withErrors(flags, async (runner) => {
        await runner.down({ to: flags.to, step: count(flags.step, '--step') });
    }));
    common(migrate.command('status').description('List migrations as applied or pending; flag checksum drift, missing, unknown, renamed and out-of-order ones.'))
        .option('-f, --format <format>', 'text or json', 'text')
        .option('--check', 'exit 1 when files and history disagree (drift, missing, unknown, out of order, interrupted)')
        .option('--fail-on-pending', 'with --check: pending migrations count as a disagreement too')
        .action((flags) => withErrors(flags, async (runner) => {
        const result = await runner.validate({ failOnPending: flags.failOnPending });
        if (flags.format === 'json')
            process.stdout.write(`${JSON.stringify(result)}\n`);
        else
            process.stdout.write(formatStatus(result.migrations) + formatRuns(result.runs));
        if (flags.check)
            failOnProblems(result.problems, flags.format);
    }));
    common(migrate.command('validate').description('Exit 1 when the files and the history disagree: checksum drift, missing files, unknown applied or out-of-order migrations.'))
        .option('-f, --format <format>', 'text or json', 'text')
        .option('--fail-on-pending', 'pending migrations count as a disagreement too')
        .action((flags) => withErrors(flags, async (runner) => {
        const result = await runner.validate({ failOnPending: flags.failOnPending });
        if (flags.format === 'json')
            process.stdout.write(`${JSON.stringify({ ok: result.problems.length === 0, problems: result.problems })}\n`);
        else if (result.problems.length === 0)
            process.stdout.write(`ok: ${result.migrations.length} migration(s); the files and the history agree\n`);
        else
            for (const p of result.problems)
                process.stdout.write(`${p.kind.padEnd(12)} ${p.message}\n`);
        failOnProblems(result.problems, flags.format);
    }));
    common(migrate.command('plan').description('Show what up would do: findings, locks, tables at risk, transaction mode.'))
        .option('-f, --format <format>', 'text or json', 'text')
        .option('--calibration <file>', 'throughput measured by pgwarden calibrate, for the lock-time estimates')
        .action((flags) => withErrors(flags, async (runner) => {
        const entries = await runner.plan();
        // sizes, lock-time estimates and the traffic that would queue, from the same database (read-only)
        const costOf = await (await import('../plan-costs.js')).planCosts(flags.databaseUrl, flags.calibration);
        if (flags.format === 'json')
            process.stdout.write(`${JSON.stringify({ migrations: entries.map((e) => ({ ...e, locks: e.locks.map((l) => ({ ...l, cost: l.createdHere ? undefined : costOf.json(l) })) })) })}\n`);
        else
            process.stdout.write(formatPlan(entries, (l) => costOf.text(l)));
    }));
    lockOptions(common(migrate.command('repair').description('Show a migration interrupted outside a transaction and resume or forget it (see docs/faults.md).')))
        .option('--resume', 'drop INVALID indexes it left, run the statements not recorded as done, record it')
        .option('--forget', 'the database was fixed by hand: clear the interrupted marker only')
        .option('--mark-applied', 'with --forget: also record the migration as applied (as reverted for a down run)')
        .action((flags) => withErrors(flags, async (runner) => {
        if (flags.resume && flags.forget)
            throw new UserError('choose one of --resume and --forget');
        const report = await runner.repair({ action: flags.resume ? 'resume' : flags.forget ? 'forget' : undefined, markApplied: flags.markApplied });
        if (flags.resume || flags.forget || (!report.marker && report.runs.length === 0))
            return;
        process.stdout.write(formatRepairReport(report));
        if (report.marker)
            throw new UserError(`migration ${report.marker.name} is interrupted; nothing was changed: choose --resume or --forget (see above)`, EXIT_FINDINGS);
        if (report.runs.some(needsRestore))
            throw new UserError('a run died while restoring the database; nothing was changed: follow the way out above', EXIT_FINDINGS);
    }));
    common(migrate.command('baseline').description('Mark existing migrations as applied without running them (a database set up before pgwarden).'))
        .option('--to <name>', 'up to and including this migration (default: all)')
        .option('-y, --yes', 'record them; without it, only show what would be recorded')
        .option('-f, --format <format>', 'text or json', 'text')
        .action((flags) => withErrors(flags, async (runner) => {
        showAdoption(await runner.baseline({ to: flags.to, record: flags.yes }), flags.format);
    }));
    common(migrate.command('adopt').description(`Import another tool's migration history: ${ADOPT_SOURCES.join(', ')}.`))
        .requiredOption('--from <tool>', ADOPT_SOURCES.join(', '))
        .option('-y, --yes', 'record them; without it, only show what would be recorded')
        .option('-f, --format <format>', 'text or json', 'text')
        .action((flags) => withErrors(flags, async (runner) => {
        if (!ADOPT_SOURCES.includes(flags.from ?? ''))
            throw new UserError(`--from: expected ${ADOPT_SOURCES.join(', ')}, not '${flags.from}'`);
        showAdoption(await runner.adopt({ from: flags.from, record: flags.yes }), flags.format);
    }));
    migrate
        .command('create')
        .description('Write a new timestamped migration (and its down file) in the layout in use.')
        .argument('<name>', 'what the migration does, e.g. add_orders_status')
        .option('--dir <dir>', "migrations directory (default: the configuration's migrationsDir, else migrations)")
        .option('-c, --config <path>', 'configuration file')
        .action(async (name, flags) => {
        const dir = flags.dir ?? (await config(flags.config)).config.migrationsDir;
        let created;
        try {
            created = await createMigration(dir, name);
        }
        catch (error) {
            throw new UserError(error instanceof Error ? error.message : String(error));
        }
        for (const f of created.files)
            process.stdout.write(`created ${f}\n`);
    });
}
function formatStatus(rows) {
    if (rows.length === 0)
        return 'no migrations\n';
    return rows
        .map((m) => {
        const marks = [
            m.drift ? 'CHANGED SINCE APPLIED (checksum drift)' : '',
            m.unknown ? 'UNKNOWN (applied, no file; sorts after every file)' : m.missing ? 'FILE MISSING' : '',
            m.renamedFrom ? `RENAMED (recorded as ${m.renamedFrom})` : '',
            m.outOfOrder ? 'OUT OF ORDER (sorts before an applied migration)' : '',
            m.interrupted ? 'INTERRUPTED' : '',
        ].filter(Boolean).join(', ');
        const when = m.state === 'applied' ? `${m.appliedAt} by ${m.appliedBy} in ${m.durationMs} ms` : '';
        return `${m.state.padEnd(8)} ${m.name}${when ? `  ${when}` : ''}${marks ? `  ${marks}` : ''}\n`;
    })
        .join('');
}
/** The plan (or what was recorded); without --yes, exit 1 when there was something to record. */
function showAdoption(plan, format) {
    process.stdout.write(format === 'json' ? `${JSON.stringify(plan)}\n` : formatAdoptionPlan(plan));
    if (!plan.recorded && plan.entries.length > 0)
        throw new UserError(`nothing was recorded: pass --yes to record these ${plan.entries.length} migration(s) as applied`, EXIT_FINDINGS);
}
function formatRuns(runs) {
    return runs.map((run) => `unfinished run ${run.id} (${run.command}, started ${run.startedAt.toISOString()} by ${run.startedBy}): state ${run.state}${run.migration ? ` (${run.migration})` : ''}: ${run.left}; way out: ${run.wayOut}\n`).join('');
}
/** validate and status --check: one summary line on stderr and exit 1 when there is any disagreement. */
function failOnProblems(problems, format) {
    if (problems.length === 0)
        return;
    const kinds = [...new Set(problems.map((p) => p.kind))].join(', ');
    throw new UserError(`the files and the history disagree: ${problems.length} problem(s) (${kinds})`, EXIT_FINDINGS);
}
/** `--max-file-size 50MB`, `10MiB`, `512kB`, `1048576`: bytes (k, M, G as powers of 1024). */
function sizeOf(value) {
    const m = /^(\d+(?:\.\d+)?)\s*(b|k|kb|kib|m|mb|mib|g|gb|gib)?$/i.exec(value.trim());
    if (!m)
        throw new UserError(`--max-file-size: '${value}' is not a size (examples: 10MiB, 500kB, 1048576)`);
    const unit = (m[2] ?? 'b').toLowerCase()[0];
    const bytes = Math.floor(Number(m[1]) * (unit === 'k' ? 1024 : unit === 'm' ? 1024 ** 2 : unit === 'g' ? 1024 ** 3 : 1));
    if (bytes < 1)
        throw new UserError(`--max-file-size: '${value}' is not a size above 0`);
    return bytes;
}
/** The configuration, with `migrationsDir` as a path from the working directory, and its file. */
async function config(path) {
    const known = configurableRuleIds(allRules);
    try {
        const { config: loaded, filepath } = await loadConfig({ configPath: path, knownRules: known });
        return { config: { ...loaded, migrationsDir: fromConfigDir(loaded.migrationsDir, filepath) }, file: filepath };
    }
    catch (error) {
        if (error instanceof ConfigError)
            throw new UserError(error.message);
        throw error;
    }
}
/** Only apply commands (up/down) carry the safety flags. */
function safetyFrom(flags) {
    const mode = flags.backup;
    if (!BACKUP_MODES.includes(mode))
        throw new UserError(`--backup: expected ${BACKUP_MODES.join(', ')}, not '${flags.backup}'`);
    return safetyHooks({
        backup: mode,
        backupDir: flags.backupDir,
        keep: count(flags.keep, '--keep'),
        pgDumpPath: flags.pgDump,
        verifyMaxRows: count(flags.verifyMaxRows, '--verify-max-rows'),
        ...(flags.schema !== undefined ? { schemas: [flags.schema] } : {}),
    });
}
function count(value, name) {
    if (value === undefined)
        return undefined;
    if (!/^\d+$/.test(value) || Number(value) < 1)
        throw new UserError(`${name}: '${value}' is not a whole number >= 1`);
    return Number(value);
}
/**
 * Builds the runner from the flags, runs `work`, and turns every error a user can cause into one
 * redacted line with its exit code.
 */
async function withErrors(flags, work) {
    if (flags.logFormat !== 'text' && flags.logFormat !== 'json')
        throw new UserError(`--log-format: expected text or json, not '${flags.logFormat}'`);
    // status and plan: an unknown format must not fall back to text, which a script would then parse
    if (flags.format !== undefined && flags.format !== 'text' && flags.format !== 'json')
        throw new UserError(`--format: expected text or json, not '${flags.format}'`);
    let secrets = [];
    try {
        secrets = resolveConnection(flags.databaseUrl).secrets;
    }
    catch {
        // reported below by createRunner with the same message
    }
    // only up, down and repair carry the lock options, and only they change the database (a dry run rolls back)
    const progress = trackProgress(createConsoleLogger({ format: flags.logFormat, secrets }), flags.lockTimeout !== undefined && !flags.dryRun);
    const log = progress.logger;
    try {
        const { config: cfg, file } = await config(flags.config);
        const dir = flags.dir ?? cfg.migrationsDir;
        // backups belong to the project, not to whichever subdirectory the command ran from
        if (flags.backupDir === DEFAULT_BACKUP_DIR)
            flags.backupDir = fromConfigDir(DEFAULT_BACKUP_DIR, file);
        // named by their flags here; the runner's own messages name its library options
        for (const [flag, value] of [['--lock-timeout', flags.lockTimeout], ['--statement-timeout', flags.statementTimeout], ['--retry-deadline', flags.retryDeadline], ['--wait-for-lock', flags.waitForLock]]) {
            if (value !== undefined && parseDuration(value) === undefined)
                throw new UserError(`${flag}: '${value}' is not a duration (examples: 500ms, 10s, 3m)`);
        }
        if (flags.isolation !== undefined && flags.isolation !== 'repeatable read' && flags.isolation !== 'read committed') {
            throw new UserError(`--isolation: expected 'repeatable read' or 'read committed', not '${flags.isolation}'`);
        }
        const retries = flags.lockRetries === undefined ? undefined : /^\d+$/.test(flags.lockRetries) ? Number(flags.lockRetries) : NaN;
        if (Number.isNaN(retries))
            throw new UserError(`--lock-retries: '${flags.lockRetries}' is not a whole number`);
        // a dry run rolls back and takes no backup
        const hooks = flags.backup === undefined || flags.dryRun ? [] : [safetyFrom(flags)];
        const options = {
            databaseUrl: flags.databaseUrl,
            dir,
            logger: log,
            hooks,
            lockTimeout: flags.lockTimeout,
            statementTimeout: flags.statementTimeout,
            lockRetries: retries,
            retryDeadline: flags.retryDeadline,
            waitForLock: flags.waitForLock,
            isolation: flags.isolation,
            lint: { options: { rules: cfg.rules, maxFileBytes: flags.maxFileSize !== undefined ? sizeOf(flags.maxFileSize) : cfg.maxFileBytes }, allowUnsafe: flags.allowUnsafe },
            ...(flags.schema !== undefined ? { searchPath: [flags.schema, 'public'], historySchema: tenantHistorySchema(flags.schema) } : {}),
        };
        const runner = createRunner(options);
        await onInterrupt(progress.describe, () => work(runner, log));
        process.exitCode = EXIT_OK;
    }
    catch (error) {
        process.exitCode = await report(error, flags, log, secrets);
    }
}
async function report(error, flags, log, secrets) {
    const line = (e) => redact(e instanceof Error ? e.message : String(e), secrets).replace(/\s*\n\s*/g, ' ');
    if (error instanceof GateRefusedError) {
        await printFindings(error.findings, flags.logFormat, log);
        throw new UserError(line(error), EXIT_FINDINGS);
    }
    // already logged by the runner, with the migration's name and outcome
    if (error instanceof MigrationFailedError)
        return EXIT_FINDINGS;
    if (error instanceof RunLockLostError)
        throw new UserError(line(error), EXIT_LOCK_LOST);
    if (error instanceof RunLockTimeoutError || error instanceof InterruptedMigrationError || error instanceof OutOfOrderError || error instanceof UnfinishedRunError || error instanceof ForeignHistoryError)
        throw new UserError(line(error), EXIT_FINDINGS);
    if (error instanceof RestoreError)
        throw new UserError(line(error), EXIT_FINDINGS);
    if (error instanceof ConnectionError || error instanceof RunnerUsageError || error instanceof MigrationSetError || error instanceof BackupError) {
        throw new UserError(line(error), EXIT_USAGE);
    }
    if (error instanceof UserError)
        throw new UserError(line(error), error.exitCode);
    // anything else: a connection lost mid-run, a server error outside a migration…
    const code = error.code;
    // insufficient_privilege before any migration ran: usually the runner's own schema or history table
    const hint = code === '42501' ? ': pgwarden keeps its history in schema pgwarden, so connect as a role that may create it and run the migrations (usually the database owner)' : '';
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code))
        throw new UserError(`database error: ${line(error)} [${code}]${hint}`, EXIT_FINDINGS);
    if (error instanceof Error)
        error.message = line(error);
    throw error;
}
async function printFindings(findings, format, log) {
    if (format === 'json') {
        for (const f of findings)
            log.error('finding', { migration: migrationNameOf(f.file), file: f.file, rule: f.rule, message: formatFinding(f), line: f.line, column: f.column });
        return;
    }
    // lint passes a bare ignore, the gate does not: say so where the user looks, under the finding
    const shown = findings.map((f) => f.suppressed && !f.suppressed.reason
        ? { ...f, help: `ignored without a reason, which the runner does not accept: write -- pgwarden-ignore ${f.rule}: <why it is safe>${f.help ? `. ${f.help}` : ''}` }
        : f);
    const sources = new Map();
    for (const f of findings) {
        if (!sources.has(f.file))
            sources.set(f.file, await readFile(f.file, 'utf8').catch(() => ''));
    }
    process.stderr.write(reporterFor('pretty')({
        findings: shown,
        files: [...sources.keys()],
        sources,
        rules: ruleCatalog(allRules.map((r) => r.meta)),
        cwd: process.cwd(),
        toolVersion: version,
    }));
}
