import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';

/**
 * Start-up: `--version`, the root's help and `completion` answer without loading the command modules,
 * from the manifest `npm run build` writes. What they print must be what the real commands print.
 */
const root = resolve(import.meta.dirname, '../..');
const cli = join(root, 'dist/src/cli');
const bin = join(root, 'bin/pgwarden.js');

type ProgramModule = { buildProgram: (only?: string, options?: { manifest?: boolean }) => Promise<Command> };
type ManifestModule = typeof import('../../src/cli/command-manifest.js');
type CompletionModule = typeof import('../../src/cli/commands/completion.js');

async function modules() {
  const program = (await import(join(cli, 'program.js'))) as ProgramModule;
  const manifest = (await import(join(cli, 'command-manifest.js'))) as ManifestModule;
  const completion = (await import(join(cli, 'commands/completion.js'))) as CompletionModule;
  const { version } = (await import(join(cli, 'version.js'))) as { version: string };
  return { program, manifest, completion, version };
}

describe('start-up without the command modules', () => {
  it('the built manifest describes the commands as they are registered', async () => {
    const { program, manifest, version } = await modules();
    const full = await program.buildProgram(undefined, { manifest: false });
    const written = JSON.parse(readFileSync(join(cli, manifest.MANIFEST_FILE), 'utf8')) as unknown;
    expect(written).toEqual(manifest.describeCommands(full, version));
  });

  it('help and completion from the manifest are those of the real commands', async () => {
    const { program, completion } = await modules();
    const full = await program.buildProgram(undefined, { manifest: false });
    const light = await program.buildProgram();
    expect(light.commands.map((c) => c.name())).toEqual(full.commands.map((c) => c.name()));
    expect(light.helpInformation()).toBe(full.helpInformation());
    for (const name of ['migrate', 'fleet', 'lint']) {
      const sub = (p: Command) => p.commands.find((c) => c.name() === name)!;
      expect(sub(light).helpInformation()).toBe(sub(full).helpInformation());
    }
    expect(completion.bashCompletion(light)).toBe(completion.bashCompletion(full));
    expect(completion.zshCompletion(light)).toBe(completion.zshCompletion(full));
  });

  it('--version prints the version and exits 0', async () => {
    const { version } = await modules();
    for (const args of [['--version'], ['-V'], ['--debug', '--version']]) {
      const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${version}\n`);
      expect(r.stderr).toBe('');
    }
  });
});
