import type { Command } from 'commander';
import { runDemo } from '../../demo/run.js';
import { embeddedBinDir, MISSING_SERVER } from '../../demo/server.js';
import { EXIT_FINDINGS, EXIT_OK, UserError } from '../errors.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Show lint, the guarded runner and the safety net on a throwaway embedded PostgreSQL (needs only Node).')
    .action(async () => {
      // an install with --omit=optional has no server to start: one line, before anything is created
      if (embeddedBinDir() === undefined) throw new UserError(MISSING_SERVER);
      process.exitCode = (await runDemo()) ? EXIT_OK : EXIT_FINDINGS;
    });
}
