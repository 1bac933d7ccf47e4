import { existsSync } from 'node:fs';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { Command } from 'commander';
import { allRules } from '../../../rules/index.js';
import type { TransactionAssumption } from '../../analysis/transactions.js';
import { findMigrations, type Layout } from '../../sql/discover.js';
import { UserError } from '../errors.js';

export const CONFIG_FILE = 'pgwarden.config.json';
/** Where the action, the pre-commit hook and the GitLab template live (snippets point there). */
export const PROJECT_REPOSITORY = 'pgwarden/pgwarden';

export interface DetectedSetup {
  layout: Layout;
  /** What the user would call it: "Prisma", "Flyway", "golang-migrate"… */
  tool: string;
  /** Relative to the project directory, with forward slashes. */
  migrationsDir: string;
  migrationCount: number;
  transaction: TransactionAssumption;
}

/** Where tools put migrations, most specific first. */
const CANDIDATE_DIRS = [
  'prisma/migrations',
  'db/migration',
  'src/main/resources/db/migration',
  'migrations',
  'db/migrations',
  'db/migrate',
  'database/migrations',
  'sql/migrations',
];
/** A sqitch project may live at the root or in a folder; only its sqitch.plan identifies it. */
const SQITCH_DIRS = ['.', 'db', 'sqitch', 'database'];

/** Finds the migrations directory in use and its layout; an empty project gets plain `migrations/`. */
export async function detectSetup(projectDir: string): Promise<DetectedSetup> {
  for (const dir of SQITCH_DIRS) {
    if (existsSync(join(projectDir, dir, 'sqitch.plan'))) return describe(dir, (await layoutOf(join(projectDir, dir))) ?? { layout: 'sqitch', count: 0 });
  }
  let firstExisting: string | undefined;
  for (const dir of CANDIDATE_DIRS) {
    const found = await layoutOf(join(projectDir, dir));
    if (found === undefined) continue;
    firstExisting ??= dir;
    if (found.count > 0) return describe(dir, found);
  }
  // A directory the tool created but nothing in it yet: its name tells the tool.
  const dir = firstExisting ?? 'migrations';
  const layout: Layout = dir === 'prisma/migrations' ? 'prisma' : dir.endsWith('db/migration') ? 'flyway' : 'plain';
  return describe(dir, { layout, count: 0 });
}

async function layoutOf(dir: string): Promise<{ layout: Layout; count: number } | undefined> {
  try {
    if (!(await stat(dir)).isDirectory()) return undefined;
    const set = await findMigrations(dir);
    return { layout: set.layout, count: set.migrations.length };
  } catch {
    // unreadable or malformed: not the directory to configure
    return undefined;
  }
}

function describe(dir: string, found: { layout: Layout; count: number }): DetectedSetup {
  const tool = {
    prisma: 'Prisma',
    flyway: 'Flyway',
    sqitch: 'Sqitch',
    'up-down': 'golang-migrate style (*.up.sql / *.down.sql)',
    plain: dir === 'db/migrations' ? 'dbmate style (db/migrations)' : 'plain SQL files',
  }[found.layout];
  // lint follows the tool of the layout it finds (psql for sqitch, one query per file for golang-migrate…)
  const transaction: TransactionAssumption = 'auto';
  return { layout: found.layout, tool, migrationsDir: dir, migrationCount: found.count, transaction };
}

/** The configuration file's content; `"//…"` keys are its comments (the schema lets extra keys through). */
export function buildConfig(setup: DetectedSetup): Record<string, unknown> {
  const example = allRules[0]?.meta;
  return {
    '//': `pgwarden configuration, written by \`pgwarden init\` for ${setup.tool}. Keys starting with "//" are comments.`,
    '// migrationsDir': 'Migrations directory, relative to this file\'s directory (the project root), so pgwarden finds it from any subdirectory. `pgwarden lint` with no paths lints it, in the tool\'s order.',
    migrationsDir: setup.migrationsDir,
    '// pgVersion': 'Major version of the PostgreSQL server the migrations run on in production: some advice depends on it.',
    pgVersion: 15,
    '// transaction': 'auto: each file runs the way the tool of its layout runs it (golang-migrate and Prisma: the file as one multi-statement query; Flyway, goose, dbmate: one transaction unless their opt-out marker; sqitch: psql, statement by statement). per-file: pgwarden\'s runner for every file. per-statement / in-transaction: every statement on its own / every file in one transaction (the --assume-autocommit / --assume-in-transaction flags). `tool` names the tool when lint cannot tell (Rails, Knex).',
    transaction: setup.transaction,
    '// rules': 'Rule id -> "off", "warning" or "error", or { "severity": ..., "options": { ... } }. Rules not listed keep their default severity.',
    rules: example ? { [example.id]: example.defaultSeverity } : {},
  };
}

/**
 * Short pre-commit and CI snippets for the detected setup; `repoPrefix` is the project's path inside its
 * git repository. They run the project's own pgwarden (the devDependency init was run from), so they work
 * without a registry release and at the version in the lockfile.
 */
export function setupSnippets(setup: DetectedSetup, repoPrefix: string): string {
  const inRepo = posixJoin(repoPrefix, setup.migrationsDir);
  const dir = setup.layout === 'sqitch' ? posixJoin(inRepo, 'deploy') : inRepo;
  const files = `^${dir === '' ? '' : `${escapeRegex(dir)}/`}.*\\.sql$`;
  // pre-commit runs hooks from the repository root with root-relative file names
  const bin = `${repoPrefix === '' ? '' : `${repoPrefix}/`}node_modules/.bin/pgwarden`;
  const config = repoPrefix === '' ? '' : ` --config ${posixJoin(repoPrefix, CONFIG_FILE)}`;
  const since = 'origin/${{ github.base_ref }}';
  const githubDefaults = repoPrefix === '' ? '' : `\n      defaults: { run: { working-directory: ${repoPrefix} } }`;
  const gitlabCd = repoPrefix === '' ? '' : `\n      - cd ${repoPrefix}`;
  const report = repoPrefix === '' ? 'gl-code-quality-report.json' : `${repoPrefix}/gl-code-quality-report.json`;
  return `pre-commit (.pre-commit-config.yaml):

  repos:
    - repo: local
      hooks:
        - id: pgwarden
          name: pgwarden
          entry: ${bin} lint${config}
          language: system
          files: '${files}'
          exclude: '\\.down\\.sql$'
          require_serial: true

GitHub Actions (.github/workflows/pgwarden.yml):

  on: pull_request
  jobs:
    migrations:
      runs-on: ubuntu-latest${githubDefaults}
      steps:
        - uses: actions/checkout@v4
          with: { fetch-depth: 0 }
        - uses: actions/setup-node@v4
          with: { node-version: 20 }
        - run: npm ci
        - run: npx --no-install pgwarden lint --changed-since ${since}
        - run: npx --no-install pgwarden lint --format markdown --changed-since ${since} >> "$GITHUB_STEP_SUMMARY" || [ $? -eq 1 ]
          if: always()

GitLab CI (.gitlab-ci.yml):

  pgwarden:
    image: node:20
    variables: { GIT_DEPTH: "0" }
    script:${gitlabCd}
      - npm ci
      - npx --no-install pgwarden lint --format gitlab > gl-code-quality-report.json || [ $? -eq 1 ]
      - npx --no-install pgwarden lint
    artifacts:
      when: always
      reports: { codequality: ${report} }

The GitHub Action (uses: ${PROJECT_REPOSITORY}@<commit>), the GitLab template with merge request
diffs, husky and lefthook: see "Where it runs" in pgwarden's README.
`;
}

function posixJoin(a: string, b: string): string {
  const parts = [...a.split('/'), ...b.split('/')].filter((p) => p !== '' && p !== '.');
  return parts.join('/');
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The project's path inside its git repository ('' at the top or outside any repository). */
function repositoryPrefix(projectDir: string): string {
  let dir = projectDir;
  for (;;) {
    if (existsSync(join(dir, '.git'))) return relative(dir, projectDir).split(sep).join('/');
    const parent = dirname(dir);
    if (parent === dir) return '';
    dir = parent;
  }
}

/** A configuration the loader would find before ours (package.json comes first in its search). */
async function shadowingConfig(projectDir: string): Promise<string | undefined> {
  try {
    const pkg = JSON.parse(await readFile(join(projectDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    if (pkg && typeof pkg === 'object' && 'pgwarden' in pkg) return 'package.json (its "pgwarden" key)';
  } catch {
    // no package.json, or not one we can read: nothing shadows
  }
  return undefined;
}

/** A configuration file that pgwarden run in `projectDir` would find in a parent directory. */
async function parentConfig(projectDir: string): Promise<string | undefined> {
  const parent = dirname(projectDir);
  if (parent === projectDir) return undefined;
  const { loadConfig } = await import('../../lint/load-config.js');
  try {
    return (await loadConfig({ cwd: parent })).filepath;
  } catch {
    // an invalid file there is reported by the commands that read it; init does not block on it
    return undefined;
  }
}

interface InitFlags {
  dir: string;
  force?: boolean;
}

async function runInit(flags: InitFlags): Promise<void> {
  const projectDir = resolve(flags.dir);
  const info = await stat(projectDir).catch(() => undefined);
  if (!info?.isDirectory()) throw new UserError(`--dir: no such directory: ${flags.dir}`);
  const target = join(projectDir, CONFIG_FILE);
  const shown = relative(process.cwd(), target) || CONFIG_FILE;
  if (!flags.force && existsSync(target)) throw new UserError(`${shown} already exists; use --force to overwrite it`);
  const shadow = await shadowingConfig(projectDir);
  if (shadow && !flags.force) {
    throw new UserError(`a configuration already exists in ${shadow}; use --force to write ${CONFIG_FILE} anyway`);
  }

  const setup = await detectSetup(projectDir);
  const parent = setup.migrationCount === 0 && !flags.force ? await parentConfig(projectDir) : undefined;
  if (parent) {
    // most likely init run from a subdirectory: a second file here would shadow the project's own
    throw new UserError(
      `${relative(process.cwd(), parent) || parent} already configures this project and no migrations were found here; ` +
        `run pgwarden init in the project root, or pass --force to write ${CONFIG_FILE} here anyway`,
    );
  }
  await writeFile(target, `${JSON.stringify(buildConfig(setup), null, 2)}\n`, { flag: flags.force ? 'w' : 'wx' });

  const count = setup.migrationCount === 1 ? '1 migration' : `${setup.migrationCount} migrations`;
  const found =
    setup.migrationCount > 0
      ? `Detected ${setup.tool} in ${setup.migrationsDir}/ (${count}).`
      : `No migrations yet: configured ${setup.migrationsDir}/ for ${setup.tool}.`;
  process.stdout.write(`${found}\nWrote ${shown}.\n`);
  if (shadow) process.stderr.write(`pgwarden: warning: ${shadow} takes precedence over ${CONFIG_FILE}; remove it there\n`);
  process.stdout.write(`\n${setupSnippets(setup, repositoryPrefix(projectDir))}`);
}

export function registerInit(program: Command): void {
  program
    .command('init')
    .description('Write a commented pgwarden.config.json for the migrations layout in use, and show pre-commit and CI snippets.')
    .option('--dir <path>', 'project directory to configure', '.')
    .option('--force', `overwrite an existing ${CONFIG_FILE}`)
    .action(async (flags: InitFlags) => {
      await runInit(flags);
    });
}
