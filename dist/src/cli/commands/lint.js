import { stat } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { Chalk } from 'chalk';
import { FORMATS, isFormatName, reporterFor, repositoryRoot, ruleCatalog } from '../../report/index.js';
import { createPrettyReporter } from '../../report/pretty.js';
import { countFindings } from '../../report/types.js';
import { UserError, EXIT_FINDINGS, EXIT_OK } from '../errors.js';
import { fromConfigDir } from '../project-paths.js';
import { version } from '../version.js';
import { pgwardenBuild } from '../../version.js';
import { assumedVersionNote, targetVersion } from './target-version.js';
import { ruleOverrides, useColor, writeReport } from './lint-output.js';
import { nestedMigrationDirs } from './lint-targets.js';
const collect = (value, previous) => [...previous, value];
const STDIN = '-';
export function registerLint(program) {
    program
        .command('lint')
        .description('Lint migration files for destructive, locking and breaking changes.')
        .argument('[paths...]', 'files or directories (default: the configured migrationsDir, migrations/); - reads standard input')
        .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'pretty')
        .option('--max-warnings <n>', 'exit with 1 when there are more than n warnings')
        .option('-c, --config <path>', 'configuration file (default: searched upwards from the working directory)')
        .option('--pg-version <major>', 'PostgreSQL major version the migrations run on (overrides the configuration)')
        .option('--database-url <url>', 'lint against this database: its major, its catalog as the starting schema, findings ranked by table size (read-only)')
        .option('--stats <file>', 'lint against a file written by pgwarden stats dump, as if connected')
        .option('--small-table <size>', 'with --database-url/--stats: lock findings on tables under this many rows (10k) or bytes (64MB) are info')
        .option('--large-table <size>', 'with --database-url/--stats: lock findings on tables over this many rows (1M) or bytes (1GB) are errors')
        .option('--calibration <file>', 'throughput measured by pgwarden calibrate, for the lock-time estimates')
        .option('--stdin-filename <name>', 'file name reported for standard input')
        .option('--changed-since <ref>', 'report only migrations added or changed since this git ref (earlier ones still build the schema model)')
        .option('--staged', 'report only migrations staged for commit (for pre-commit hooks)')
        .option('--cache', 'lint only files whose findings are not cached already (in .pgwarden-cache/)')
        .option('--cache-location <dir>', 'directory of the --cache (default: .pgwarden-cache)')
        .option('--assume-in-transaction', 'assume every file runs in one transaction, whatever its tool does')
        .option('--assume-autocommit', 'assume every statement runs on its own, outside a transaction')
        .option('-q, --quiet', 'report errors only (warnings still count for --max-warnings)')
        .option('-o, --output-file <path>', 'write the report to this file instead of standard output')
        .option('--color', 'colour the pretty report even when it does not go to a terminal')
        .option('--no-color', 'never colour the report (also NO_COLOR=1; FORCE_COLOR=1 forces colour)')
        .option('--rule <rule=severity>', 'set a rule\'s severity (off, warning, error) over the configuration; repeatable', collect, [])
        .option('--disable-rule <rule>', 'turn a rule off for this run; repeatable', collect, [])
        .option('--allow-empty', 'accept a directory without migration files (exit 0) instead of failing with exit 2')
        .option('--no-error-on-unmatched-pattern', 'the same as --allow-empty (ESLint\'s name)')
        .action(async (paths, flags, command) => {
        process.exitCode = await runLint(paths, flags, command.getOptionValueSource('format') === 'default');
    });
}
async function runLint(paths, flags, formatDefaulted) {
    const format = chooseFormat(flags.format, formatDefaulted);
    if (flags.assumeInTransaction && flags.assumeAutocommit)
        throw new UserError('--assume-in-transaction and --assume-autocommit cannot be combined');
    if (flags.cacheLocation !== undefined && !flags.cache)
        throw new UserError('--cache-location names where --cache keeps its entries: add --cache');
    const maxWarnings = flags.maxWarnings === undefined ? undefined : parseCount(flags.maxWarnings, '--max-warnings');
    // Loaded here, not at the top: every other command (and --help) would pay for the parser, the rules
    // and the configuration schema otherwise.
    const [{ lintSources, configurableRuleIds }, { allRules }, { loadConfig, ConfigError }] = await Promise.all([
        import('../../lint/engine.js'),
        import('../../../rules/index.js'),
        import('../../lint/load-config.js'),
    ]);
    const known = configurableRuleIds(allRules);
    const overrides = ruleOverrides(flags.rule, flags.disableRule, known);
    let config;
    let configFile;
    try {
        ({ config, filepath: configFile } = await loadConfig({ configPath: flags.config, knownRules: known }));
    }
    catch (error) {
        if (error instanceof ConfigError)
            throw new UserError(error.message);
        throw error;
    }
    const { liveFactsFor, rankOptionsFor } = await import('../live-facts.js');
    // thresholds first: a typo is reported before any connection is tried
    const rank = flags.databaseUrl !== undefined || flags.stats !== undefined ? await rankOptionsFor(flags, config) : undefined;
    // without `-` the name would be silently ignored and the user would lint something else than they piped
    if (flags.stdinFilename !== undefined && !paths.includes(STDIN))
        throw new UserError('--stdin-filename names standard input: add - to the paths (e.g. pgwarden lint - --stdin-filename new.sql)');
    const defaulted = paths.length === 0;
    const targets = defaulted ? [fromConfigDir(config.migrationsDir, configFile)] : paths;
    const allowEmpty = flags.allowEmpty === true || flags.errorOnUnmatchedPattern === false;
    const inputs = await readInputs(targets, defaulted, config, flags.stdinFilename, configFile, allowEmpty);
    const reported = await reportedFiles(flags);
    // the database's facts (catalog of the tables these files name, sizes): read once, so the major needs no connection of its own
    const facts = await liveFactsFor(flags, 'pgwarden lint', inputs.map((i) => i.text));
    const target = facts && flags.pgVersion === undefined ? { major: facts.server.major, source: 'database' } : await targetVersion(flags.pgVersion, flags.databaseUrl, config.pgVersion);
    const pgVersion = target.major;
    const transaction = flags.assumeInTransaction ? 'in-transaction' : flags.assumeAutocommit ? 'per-statement' : config.transaction;
    const options = { pgVersion, transaction, tool: config.tool, rules: { ...config.rules, ...overrides }, maxFileBytes: config.maxFileBytes };
    const live = facts ? await (await import('../../live/lint-start.js')).liveLint(facts, allRules.map((r) => r.meta), inputs.map((i) => i.text), rank) : undefined;
    // the facts change with the database: a cached result would be stale, so --cache applies without them
    const linted = flags.cache && !live
        ? await lintWithCache(inputs, options, allRules, flags.cacheLocation, (list) => lintSources(list, allRules, options))
        : await lintSources(inputs, allRules, options, live?.start);
    const result = live ? live.finish(linted) : linted;
    const shown = (file) => reported === undefined || reported.has(resolve(file));
    const visible = result.findings.filter((f) => !f.suppressed && shown(f.file));
    const colors = useColor(flags.color, flags.outputFile === undefined && process.stdout.isTTY === true);
    const reporter = format === 'pretty' ? createPrettyReporter(new Chalk({ level: colors ? 1 : 0 })) : reporterFor(format);
    const output = reporter({
        findings: flags.quiet ? visible.filter((f) => f.severity === 'error') : visible,
        files: result.files.filter(shown),
        sources: new Map(inputs.map((i) => [i.path, i.text])),
        rules: ruleCatalog(allRules.map((r) => r.meta)),
        cwd: process.cwd(),
        root: repositoryRoot(process.cwd()),
        toolVersion: version,
    });
    await writeReport(output, flags.outputFile);
    // once per run, after the report, to the person at the terminal (pipes, CI logs and scripts keep stderr
    // for errors): the rules whose advice depends on the major followed this one
    if (target.source === 'default' && process.stderr.isTTY)
        process.stderr.write(assumedVersionNote(pgVersion));
    const { errors, warnings } = countFindings(visible);
    if (errors > 0)
        return EXIT_FINDINGS;
    if (maxWarnings !== undefined && warnings > maxWarnings) {
        process.stderr.write(`pgwarden: too many warnings (${warnings}); the maximum allowed is ${maxWarnings}\n`);
        return EXIT_FINDINGS;
    }
    return EXIT_OK;
}
/**
 * With --changed-since or --staged, the files whose findings are reported (absolute paths); every
 * input is still linted, so the schema model knows the history those files build on.
 */
async function reportedFiles(flags) {
    if (flags.changedSince !== undefined && flags.staged)
        throw new UserError('--changed-since and --staged cannot be combined');
    if (flags.changedSince === undefined && !flags.staged)
        return undefined;
    const { changedMigrationFiles, GitError, stagedMigrationFiles } = await import('../../lint/changed.js');
    try {
        if (flags.changedSince !== undefined)
            return await changedMigrationFiles(flags.changedSince);
        if (flags.staged)
            return await stagedMigrationFiles();
    }
    catch (error) {
        if (error instanceof GitError)
            throw new UserError(error.message);
        throw error;
    }
    return undefined;
}
function chooseFormat(requested, defaulted) {
    // In GitHub Actions the default output becomes annotations on the pull request; --format pretty keeps pretty.
    if (defaulted && process.env.GITHUB_ACTIONS)
        return 'github';
    if (!isFormatName(requested))
        throw new UserError(`unknown format '${requested}' (expected ${FORMATS.join(', ')})`);
    return requested;
}
async function readInputs(targets, defaulted, config, stdinName, configFile, allowEmpty) {
    const [{ LintInputs }, keep] = await Promise.all([import('../../api/lint.js'), fileFilter(config, configFile)]);
    for (const target of targets) {
        if (target === STDIN)
            continue;
        try {
            await stat(target);
        }
        catch (error) {
            const code = error.code;
            const shown = defaulted ? `${target.replace(/\/$/, '')}/` : target;
            // a first run in a project whose migrations live elsewhere: say how to point pgwarden at them
            const next = defaulted ? '; pass the files or directories to lint, or set migrationsDir in the configuration (pgwarden init writes one)' : '';
            if (code === 'ENOENT')
                throw new UserError(`cannot read ${shown}: no such file or directory${next}`);
            if (code === 'EACCES')
                throw new UserError(`cannot read ${shown}: permission denied`);
            throw error;
        }
    }
    const stdinText = targets.includes(STDIN) ? await readStdin() : undefined;
    // a file named alone is checked after the migrations before it in its layout (replayed, not reported)
    const collector = new LintInputs(keep);
    for (const target of targets) {
        if (target === STDIN) {
            collector.inputs.push({ path: stdinName ?? '<stdin>', text: stdinText ?? '' });
            continue;
        }
        let found = await collector.add(target);
        const isDirectory = (await stat(target)).isDirectory();
        // a repository root: its migrations live below it (prisma/migrations, db/migrations…)
        if (found.files === 0 && found.problems.length === 0 && isDirectory) {
            for (const dir of await nestedMigrationDirs(target)) {
                const nested = await collector.add(dir);
                found = { files: found.files + nested.files, problems: [...found.problems, ...nested.problems] };
            }
        }
        for (const problem of found.problems)
            process.stderr.write(`pgwarden: warning: ${problem}\n`);
        // discovery's own problems (a down file without its up file…) already say why nothing was found
        if (found.files === 0 && found.problems.length === 0 && isDirectory) {
            // a CI job pointed at the wrong path must not pass forever
            if (!allowEmpty)
                throw new UserError(`${await nothingFound(target)} (pass --allow-empty to accept that)`);
            process.stderr.write(`pgwarden: warning: ${await nothingFound(target)}\n`);
        }
    }
    return collector.inputs;
}
/** What a directory without migrations lacks, pointing at a migrations folder inside it if there is one. */
async function nothingFound(target) {
    const inside = join(target, 'migrations');
    const hint = await stat(inside).then((s) => (s.isDirectory() ? `; did you mean ${inside}?` : ''), () => '');
    return `no migration files in ${target}${hint}`;
}
/**
 * include/exclude globs, matched against the path relative to the configuration file's directory (the
 * project root), like migrationsDir, so they select the same files from any subdirectory.
 */
async function fileFilter(config, configFile) {
    const base = configFile === undefined ? process.cwd() : dirname(resolve(configFile));
    const { default: picomatch } = await import('picomatch');
    // Patterns without a slash match the file name wherever it is (as .gitignore does); the others the
    // whole path. One matcher with picomatch's `basename` would test every pattern against the file name
    // only, so `db/migrations/*.seed.sql` would never match.
    const matcher = (patterns) => {
        const byName = patterns.filter((p) => !p.includes('/'));
        const byPath = patterns.filter((p) => p.includes('/'));
        const name = byName.length > 0 ? picomatch(byName, { dot: true, basename: true }) : () => false;
        const path = byPath.length > 0 ? picomatch(byPath, { dot: true }) : () => false;
        return (rel) => name(rel) || path(rel);
    };
    const include = config.include && config.include.length > 0 ? matcher(config.include) : () => true;
    const exclude = config.exclude.length > 0 ? matcher(config.exclude) : () => false;
    return (path) => {
        const rel = relative(base, resolve(path)).replace(/\\/g, '/');
        return include(rel) && !exclude(rel);
    };
}
async function readStdin() {
    const chunks = [];
    for await (const chunk of process.stdin)
        chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
}
function parseCount(value, flag) {
    if (!/^-?\d+$/.test(value.trim()))
        throw new UserError(`${flag} expects a whole number, got '${value}'`);
    const n = Number(value);
    // ESLint's -1 means "no limit".
    return n < 0 ? Number.POSITIVE_INFINITY : n;
}
/** Per-file findings from the cache, the rest linted (see lint-cache.ts); the cache is rewritten after. */
async function lintWithCache(inputs, options, rules, location, lint) {
    const { LintCache, chainKeys, DEFAULT_CACHE_LOCATION } = await import('../lint-cache.js');
    const cache = await LintCache.open(location ?? DEFAULT_CACHE_LOCATION);
    const result = await cache.lint(inputs, chainKeys(`${version}+${pgwardenBuild()}`, options, rules.map((r) => r.meta.id), inputs), lint);
    await cache.save();
    return result;
}
