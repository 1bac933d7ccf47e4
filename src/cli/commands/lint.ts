import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import type { LintInput } from '../../lint/engine.js';
import type { LintOptions, Config } from '../../lint/config.js';
import type { LintResult } from '../../lint/types.js';
import { FORMATS, isFormatName, reporterFor, ruleCatalog, type FormatName } from '../../report/index.js';
import { countFindings } from '../../report/types.js';
import { UserError, EXIT_FINDINGS, EXIT_OK } from '../errors.js';
import { version } from '../version.js';

interface LintFlags {
  format: string;
  maxWarnings?: string;
  config?: string;
  pgVersion?: string;
  stdinFilename?: string;
  cache?: boolean;
  changedSince?: string;
  staged?: boolean;
}

const STDIN = '-';

export function registerLint(program: Command): void {
  program
    .command('lint')
    .description('Lint migration files for destructive, locking and breaking changes.')
    .argument('[paths...]', 'files or directories (default: the configured migrationsDir, migrations/); - reads standard input')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'pretty')
    .option('--max-warnings <n>', 'exit with 1 when there are more than n warnings')
    .option('-c, --config <path>', 'configuration file (default: searched upwards from the working directory)')
    .option('--pg-version <major>', 'PostgreSQL major version the migrations run on (overrides the configuration)')
    .option('--stdin-filename <name>', 'file name reported for standard input')
    .option('--changed-since <ref>', 'report only migrations added or changed since this git ref (earlier ones still build the schema model)')
    .option('--staged', 'report only migrations staged for commit (for pre-commit hooks)')
    .option('--cache', 'reuse the findings of an identical earlier run (stored in .pgwarden-cache/)')
    .action(async (paths: string[], flags: LintFlags, command: Command) => {
      process.exitCode = await runLint(paths, flags, command.getOptionValueSource('format') === 'default');
    });
}

async function runLint(paths: string[], flags: LintFlags, formatDefaulted: boolean): Promise<number> {
  const format = chooseFormat(flags.format, formatDefaulted);
  const maxWarnings = flags.maxWarnings === undefined ? undefined : parseCount(flags.maxWarnings, '--max-warnings');
  // Loaded here, not at the top: every other command (and --help) would pay for the parser, the rules
  // and the configuration schema otherwise.
  const [{ lintSources, configurableRuleIds }, { allRules }, { loadConfig, ConfigError }] = await Promise.all([
    import('../../lint/engine.js'),
    import('../../../rules/index.js'),
    import('../../lint/load-config.js'),
  ]);
  const known = configurableRuleIds(allRules);
  let config: Config;
  try {
    config = (await loadConfig({ configPath: flags.config, knownRules: known })).config;
  } catch (error) {
    if (error instanceof ConfigError) throw new UserError(error.message);
    throw error;
  }
  const pgVersion = flags.pgVersion === undefined ? config.pgVersion : parsePgVersion(flags.pgVersion);

  const defaulted = paths.length === 0;
  const targets = defaulted ? [config.migrationsDir] : paths;
  const inputs = await readInputs(targets, defaulted, config, flags.stdinFilename);
  const reported = await reportedFiles(flags);

  const options = { pgVersion, transaction: config.transaction, rules: config.rules, maxFileBytes: config.maxFileBytes };
  const key = flags.cache ? cacheKey(version, options, inputs) : undefined;
  const result = (key && (await readCachedResult(key))) || (await lintSources(inputs, allRules, options));
  if (key) await writeCachedResult(key, result);

  const shown = (file: string) => reported === undefined || reported.has(resolve(file));
  const visible = result.findings.filter((f) => !f.suppressed && shown(f.file));
  const output = reporterFor(format)({
    findings: visible,
    files: result.files.filter(shown),
    sources: new Map(inputs.map((i) => [i.path, i.text])),
    rules: ruleCatalog(allRules.map((r) => r.meta)),
    cwd: process.cwd(),
    toolVersion: version,
  });
  process.stdout.write(output);

  const { errors, warnings } = countFindings(visible);
  if (errors > 0) return EXIT_FINDINGS;
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
async function reportedFiles(flags: LintFlags): Promise<Set<string> | undefined> {
  if (flags.changedSince !== undefined && flags.staged) throw new UserError('--changed-since and --staged cannot be combined');
  if (flags.changedSince === undefined && !flags.staged) return undefined;
  const { changedMigrationFiles, GitError, stagedMigrationFiles } = await import('../../lint/changed.js');
  try {
    if (flags.changedSince !== undefined) return await changedMigrationFiles(flags.changedSince);
    if (flags.staged) return await stagedMigrationFiles();
  } catch (error) {
    if (error instanceof GitError) throw new UserError(error.message);
    throw error;
  }
  return undefined;
}

function chooseFormat(requested: string, defaulted: boolean): FormatName {
  // In GitHub Actions the default output becomes annotations on the pull request; --format pretty keeps pretty.
  if (defaulted && process.env.GITHUB_ACTIONS) return 'github';
  if (!isFormatName(requested)) throw new UserError(`unknown format '${requested}' (expected ${FORMATS.join(', ')})`);
  return requested;
}

async function readInputs(targets: string[], defaulted: boolean, config: Config, stdinName: string | undefined): Promise<LintInput[]> {
  const [{ findLintTargets }, keep] = await Promise.all([import('../../sql/discover.js'), fileFilter(config)]);
  for (const target of targets) {
    if (target === STDIN) continue;
    try {
      await stat(target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      const shown = defaulted ? `${target.replace(/\/$/, '')}/` : target;
      if (code === 'ENOENT') throw new UserError(`cannot read ${shown}: no such file or directory`);
      if (code === 'EACCES') throw new UserError(`cannot read ${shown}: permission denied`);
      throw error;
    }
  }
  const stdinText = targets.includes(STDIN) ? await readStdin() : undefined;
  const inputs: LintInput[] = [];
  for (const target of targets) {
    if (target === STDIN) {
      inputs.push({ path: stdinName ?? '<stdin>', text: stdinText ?? '' });
      continue;
    }
    const found = await findLintTargets([target], keep);
    for (const problem of found.problems) process.stderr.write(`pgwarden: warning: ${problem}\n`);
    for (const path of found.files) inputs.push({ path, text: await readFile(path, 'utf8') });
  }
  return inputs;
}

/** include/exclude globs, matched against the path relative to the working directory. */
async function fileFilter(config: Config): Promise<(path: string) => boolean> {
  const { default: picomatch } = await import('picomatch');
  // Patterns without a slash match the file name wherever it is (as .gitignore does).
  const options = { dot: true, basename: true };
  const include = config.include && config.include.length > 0 ? picomatch(config.include, options) : () => true;
  const exclude = config.exclude.length > 0 ? picomatch(config.exclude, options) : () => false;
  return (path) => {
    const rel = relative(process.cwd(), path).replace(/\\/g, '/');
    return include(rel) && !exclude(rel);
  };
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function parseCount(value: string, flag: string): number {
  if (!/^-?\d+$/.test(value.trim())) throw new UserError(`${flag} expects a whole number, got '${value}'`);
  const n = Number(value);
  // ESLint's -1 means "no limit".
  return n < 0 ? Number.POSITIVE_INFINITY : n;
}

function parsePgVersion(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 9 || n > 30) throw new UserError(`--pg-version expects a PostgreSQL major version such as 15, got '${value}'`);
  return n;
}

const CACHE_DIR = '.pgwarden-cache';

/**
 * Findings depend on every file before them (the schema model is replayed), so the key covers the whole
 * ordered input, the options and the version: any change anywhere lints again.
 */
function cacheKey(toolVersion: string, options: LintOptions, inputs: LintInput[]): string {
  const hash = createHash('sha256').update(toolVersion).update('\0').update(JSON.stringify(options));
  for (const input of inputs) hash.update('\0').update(input.path).update('\0').update(input.text);
  return hash.digest('hex');
}

async function readCachedResult(key: string): Promise<LintResult | undefined> {
  try {
    return JSON.parse(await readFile(join(CACHE_DIR, `lint-${key}.json`), 'utf8')) as LintResult;
  } catch {
    // a missing or damaged entry only means linting again
    return undefined;
  }
}

async function writeCachedResult(key: string, result: LintResult): Promise<void> {
  await mkdir(CACHE_DIR, { recursive: true });
  await writeFile(join(CACHE_DIR, `lint-${key}.json`), JSON.stringify(result));
}
