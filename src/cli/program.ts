import { Command, CommanderError } from 'commander';
import { UserError, EXIT_USAGE } from './errors.js';
import { version } from './version.js';
import { addManifestCommands, MANIFEST_FILE, type CommandManifest } from './command-manifest.js';
import { readFileSync } from 'node:fs';

type Register = (program: Command) => void;

/** Command modules by name, loaded on demand: `pgwarden lint` must not pay for umzug and pg. */
const commands: Record<string, () => Promise<Register>> = {
  lint: async () => (await import('./commands/lint.js')).registerLint,
  init: async () => (await import('./commands/init.js')).registerInit,
  completion: async () => (await import('./commands/completion.js')).registerCompletion,
  rules: async () => (await import('./commands/rules.js')).registerRules,
  explain: async () => (await import('./commands/explain.js')).registerExplain,
  migrate: async () => (await import('./commands/migrate.js')).registerMigrate,
  backups: async () => (await import('./commands/backups.js')).registerBackups,
  fleet: async () => (await import('./commands/fleet.js')).registerFleet,
  demo: async () => (await import('./commands/demo.js')).registerDemo,
  stats: async () => (await import('./commands/stats.js')).registerStats,
  calibrate: async () => (await import('./commands/calibrate.js')).registerCalibrate,
  fix: async () => (await import('./commands/fix.js')).registerFix,
  lsp: async () => (await import('./commands/lsp.js')).registerLsp,
};

/**
 * The program with every command, or only `only` (its help and parsing are the same either way). For
 * the root's help, `help`, an unknown command and `completion`, the commands other than completion come
 * from the manifest the build wrote (names, options, no actions) when there is one for this version.
 */
export async function buildProgram(only?: string, { manifest: useManifest = true }: { manifest?: boolean } = {}): Promise<Command> {
  const program = new Command();
  program
    .name('pgwarden')
    .description('Keeps PostgreSQL schema migrations from hurting production.')
    .version(version)
    .option('--debug', 'show stack traces for unexpected errors')
    .exitOverride()
    .showSuggestionAfterError();
  const one = only !== undefined && only !== 'completion' && Object.hasOwn(commands, only);
  const manifest = !one && useManifest ? readManifest() : undefined;
  if (manifest) {
    // completion runs for real; the others only need to be described, in their usual order
    const register = await commands.completion();
    for (const spec of manifest.commands) {
      if (spec.name === 'completion') register(program);
      else addManifestCommands(program, { ...manifest, commands: [spec] });
    }
    return program;
  }
  const names = one ? [only] : Object.keys(commands);
  for (const register of await Promise.all(names.map((name) => commands[name]()))) register(program);
  return program;
}

/** The build's command manifest, when it is there and of this version (else the commands load). */
function readManifest(): CommandManifest | undefined {
  try {
    const manifest = JSON.parse(readFileSync(new URL(MANIFEST_FILE, import.meta.url), 'utf8')) as CommandManifest;
    return manifest.version === version && Array.isArray(manifest.commands) ? manifest : undefined;
  } catch {
    return undefined;
  }
}

/** Runs the CLI; resolves to the exit code. User errors are one line, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  ignoreClosedOutput();
  // `pgwarden --version` (a shell prompt, a CI step, a hook that checks the tool) answers before any
  // command module loads: commander's own answer, without the 1 s of loading every command to get it
  if (argv.length > 0 && argv.every((arg) => arg === '--version' || arg === '-V' || arg === '--debug') && argv.some((arg) => arg !== '--debug')) {
    process.stdout.write(`${version}\n`);
    return 0;
  }
  // chalk 5 ignores NO_COLOR (https://no-color.org) but honours FORCE_COLOR=0; set before any command loads it
  if (process.env.NO_COLOR && process.env.FORCE_COLOR === undefined) process.env.FORCE_COLOR = '0';
  // root options take no values, so the first word is the command; completion lists every command
  const first = argv.find((arg) => !arg.startsWith('-'));
  const program = await buildProgram(first);
  const debug = argv.includes('--debug');
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander already printed its message (or the help/version)
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UserError) {
      process.stderr.write(`pgwarden: ${error.message}\n`);
      return error.exitCode;
    }
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR') {
      const path = (error as NodeJS.ErrnoException).path;
      process.stderr.write(`pgwarden: cannot read ${path ?? 'file'}: ${describeFsError(code)}\n`);
      return EXIT_USAGE;
    }
    if (debug && error instanceof Error) process.stderr.write(`${error.stack}\n`);
    else process.stderr.write(`pgwarden: unexpected error: ${error instanceof Error ? error.message : String(error)} (run with --debug for details)\n`);
    return EXIT_USAGE;
  }
}

let outputGuarded = false;

/**
 * `pgwarden lint | head` closes the pipe before we finish writing: without a listener Node throws the
 * EPIPE with a stack trace. The reader has gone, so later output is dropped and the command finishes
 * as usual — a migration is not abandoned half-way because a log reader quit, and the exit code stays
 * the command's own.
 */
function ignoreClosedOutput(): void {
  if (outputGuarded) return;
  outputGuarded = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
  }
}

function describeFsError(code: string): string {
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return 'not a directory';
  }
}
