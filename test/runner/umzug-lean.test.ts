import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const lean = resolve(import.meta.dirname, '../../dist/src/runner/umzug-lean.js');

/** A fresh node process: what it loads is what `migrate` loads at start. */
function inFreshNode(script: string): string {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout.trim();
}

describe('loadUmzug', () => {
  it("loads umzug without its command-line interface, which still loads on first use", () => {
    const out = inFreshNode(`
      import { createRequire } from 'node:module';
      const { loadUmzug } = await import(${JSON.stringify(lean)});
      const require = createRequire(${JSON.stringify(lean)});
      const rushstack = () => Object.keys(require.cache).some((k) => k.includes('@rushstack'));
      const umzug = await loadUmzug();
      const before = rushstack();
      const runner = new umzug.Umzug({ migrations: [{ name: 'a', up: async () => {} }], logger: undefined });
      const pending = (await runner.pending()).map((m) => m.name).join(',');
      // what umzug's runAsCLI reaches: its CLI module, loaded now
      const cli = typeof require(require.resolve('umzug/lib/cli.js')).UmzugCLI;
      console.log(JSON.stringify({ before, pending, cli, after: rushstack(), error: typeof umzug.MigrationError }));
    `);
    expect(JSON.parse(out)).toEqual({ before: false, pending: 'a', cli: 'function', after: true, error: 'function' });
  });
});
