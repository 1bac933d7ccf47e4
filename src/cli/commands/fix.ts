import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { UserError, EXIT_FINDINGS, EXIT_OK } from '../errors.js';

interface FixFlags {
  dryRun?: boolean;
  config?: string;
  lockTimeout: string;
}

export function registerFix(program: Command): void {
  program
    .command('fix')
    .description('Rewrite a migration the safe way: CONCURRENTLY, NOT VALID + VALIDATE, SET NOT NULL via a CHECK, a lock_timeout preamble.')
    .argument('<file>', 'the migration file to fix (the migrations before it build the schema model)')
    .option('--dry-run', 'print the changes as a unified diff instead of writing them')
    .option('-c, --config <path>', 'configuration file (default: searched upwards from the working directory)')
    .option('--lock-timeout <duration>', 'lock_timeout the preamble sets', '2s')
    .action(async (file: string, flags: FixFlags) => {
      if (!/^\d+(ms|s|min)?$/.test(flags.lockTimeout)) throw new UserError(`--lock-timeout expects a duration such as 2s or 500ms, got '${flags.lockTimeout}'`);
      const [{ fixFile, unifiedDiff, NotFixable }, { lintSetup }] = await Promise.all([import('../../fix/index.js'), import('../lint-setup.js')]);
      const { rules, lint } = await lintSetup(flags.config);
      let outcome;
      try {
        outcome = await fixFile(file, { rules, lint, lockTimeout: flags.lockTimeout });
      } catch (error) {
        if (error instanceof NotFixable) throw new UserError(error.message);
        throw error;
      }
      if (flags.dryRun) process.stdout.write(unifiedDiff(outcome.changes));
      else {
        for (const c of outcome.changes) await writeFile(c.path, c.after);
        for (const f of outcome.fixed) process.stdout.write(`${file}:${f.line}  fixed  ${f.rule}: ${f.message}\n`);
        for (const c of outcome.changes.filter((ch) => ch.before === null)) process.stdout.write(`created ${c.path}\n`);
        if (outcome.fixed.length === 0 && outcome.skipped.length === 0) process.stdout.write(`${file}: nothing to fix\n`);
      }
      for (const s of outcome.skipped) process.stderr.write(`pgwarden: not fixed: ${file}:${s.line} ${s.rule}: ${s.message}\n`);
      process.exitCode = outcome.skipped.length > 0 ? EXIT_FINDINGS : EXIT_OK;
    });
}
