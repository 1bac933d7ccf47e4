import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { lintSources } from '../../lint/engine.js';
import { allRules } from '../../../rules/index.js';
import { discoverMigrations } from '../../sql/discover.js';
import { UserError, EXIT_FINDINGS, EXIT_OK } from '../errors.js';

interface LintFlags {
  format: string;
}

export function registerLint(program: Command): void {
  program
    .command('lint')
    .description('Lint migration files for destructive, locking and breaking changes.')
    .argument('[paths...]', 'files or directories (default: migrations/); - reads standard input')
    .option('-f, --format <format>', 'pretty, json, github, sarif or gitlab', 'pretty')
    .action(async (paths: string[], flags: LintFlags) => {
      const targets = paths.length > 0 ? paths : ['migrations'];
      const files = await discoverMigrations(targets);
      const inputs = await Promise.all(
        files.map(async (f) => ({ path: f, text: await readFile(f, 'utf8') })),
      );
      const result = await lintSources(inputs, allRules);
      const visible = result.findings.filter((f) => !f.suppressed);
      if (flags.format !== 'json') throw new UserError(`unknown format '${flags.format}'`);
      const errors = visible.filter((f) => f.severity === 'error').length;
      process.stdout.write(
        JSON.stringify({
          findings: visible.map(({ suppressed: _s, ...f }) => f),
          summary: { files: result.files.length, errors, warnings: visible.length - errors },
        }) + '\n',
      );
      process.exitCode = errors > 0 ? EXIT_FINDINGS : EXIT_OK;
    });
}
