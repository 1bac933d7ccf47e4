import { Command, CommanderError } from 'commander';
import { registerLint } from './commands/lint.js';
import { registerInit } from './commands/init.js';
import { registerCompletion } from './commands/completion.js';
import { registerRules } from './commands/rules.js';
import { registerExplain } from './commands/explain.js';
import { registerMigrate } from './commands/migrate.js';
import { registerBackups } from './commands/backups.js';
import { registerDemo } from './commands/demo.js';
import { UserError, EXIT_USAGE } from './errors.js';
import { version } from './version.js';

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('pgwarden')
    .description('Keeps PostgreSQL schema migrations from hurting production.')
    .version(version)
    .option('--debug', 'show stack traces for unexpected errors')
    .exitOverride()
    .showSuggestionAfterError();
  registerLint(program);
  registerInit(program);
  registerCompletion(program);
  registerRules(program);
  registerExplain(program);
  registerMigrate(program);
  registerBackups(program);
  registerDemo(program);
  return program;
}

/** Runs the CLI; resolves to the exit code. User errors are one line, never a stack trace. */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
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
