import type { Command } from 'commander';
import { runDemo } from '../../demo/run.js';
import { EXIT_FINDINGS, EXIT_OK } from '../errors.js';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Show lint, the guarded runner and the safety net on a throwaway embedded PostgreSQL (needs only Node).')
    .action(async () => {
      process.exitCode = (await runDemo()) ? EXIT_OK : EXIT_FINDINGS;
    });
}
