import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgwarden, repoRoot, tempProject } from './cli.js';

interface CommandInfo {
  path: string[];
  longOptions: string[];
  subcommands: string[];
}

/** Every command of the built program, walked here independently of the completion code. */
async function registeredCommands(): Promise<CommandInfo[]> {
  // the built program (src/cli/version.ts finds package.json from dist/ only)
  const programModule = join(repoRoot, 'dist/src/cli/program.js');
  const { buildProgram } = (await import(programModule)) as { buildProgram: () => Promise<Command> };
  const out: CommandInfo[] = [];
  const visit = (cmd: Command, path: string[]): void => {
    out.push({
      path,
      longOptions: cmd.options.filter((o) => !o.hidden && o.long).map((o) => o.long as string),
      subcommands: cmd.commands.map((c) => c.name()),
    });
    for (const sub of cmd.commands) visit(sub, [...path, sub.name()]);
  };
  visit(await buildProgram(), []);
  return out;
}

describe('pgwarden completion', () => {
  let commands: CommandInfo[];
  let bashScript: string;
  let zshScript: string;
  let workspace: ReturnType<typeof tempProject>;

  beforeAll(async () => {
    workspace = tempProject({ 'migs/001_init.sql': 'SELECT 1;\n' });
    commands = await registeredCommands();
    const bash = pgwarden(['completion', 'bash'], repoRoot);
    expect(bash.status).toBe(0);
    bashScript = join(workspace.dir, 'pgwarden.bash');
    writeFileSync(bashScript, bash.stdout);
    const zsh = pgwarden(['completion', 'zsh'], repoRoot);
    expect(zsh.status).toBe(0);
    zshScript = zsh.stdout;
  });
  afterAll(() => workspace.remove());

  /** What bash offers for the command line `words` (the last word is the one being completed). */
  function complete(...words: string[]): string[] {
    const harness = `
source "$1"; shift
COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMPREPLY=()
_pgwarden_completion
printf '%s\\n' "\${COMPREPLY[@]}"
`;
    const r = spawnSync('bash', ['--noprofile', '--norc', '-c', harness, 'harness', bashScript, 'pgwarden', ...words], {
      cwd: workspace.dir,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout.split('\n').filter((w) => w !== '');
  }

  it('registers itself for pgwarden in bash', () => {
    const r = spawnSync('bash', ['--noprofile', '--norc', '-c', 'source "$1" && complete -p pgwarden', 'x', bashScript], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('complete -F _pgwarden_completion pgwarden');
  });

  it('offers every registered top-level command', () => {
    const top = commands.find((c) => c.path.length === 0)!;
    expect(top.subcommands).toEqual(expect.arrayContaining(['lint', 'init', 'completion']));
    expect(complete('')).toEqual(expect.arrayContaining(top.subcommands));
    expect(complete('li')).toEqual(['lint']);
  });

  it('offers every option of every command (and its subcommands)', () => {
    for (const command of commands) {
      const offered = complete(...command.path, '--');
      expect(offered, command.path.join(' ') || 'pgwarden').toEqual(expect.arrayContaining(command.longOptions));
      if (command.path.length > 0) expect(offered).toContain('--debug');
      if (command.subcommands.length > 0) expect(complete(...command.path, '')).toEqual(expect.arrayContaining(command.subcommands));
    }
  });

  it('completes the shells of `completion`, files for lint and init --dir, and nothing for free-text values', () => {
    expect(complete('completion', '')).toEqual(['bash', 'zsh']);
    expect(complete('lint', 'mi')).toEqual(['migs']);
    expect(complete('init', '--dir', 'mi')).toEqual(['migs']);
    expect(complete('lint', '--max-warnings', '')).toEqual([]);
    // bash splits --config=value at "="
    expect(complete('lint', '--config', '=', 'mi')).toEqual(['migs']);
  });

  it('zsh: defines the completion function with every command and option', () => {
    expect(zshScript.startsWith('#compdef pgwarden\n')).toBe(true);
    expect(zshScript).toContain('compdef _pgwarden pgwarden');
    for (const command of commands) {
      for (const name of command.subcommands) expect(zshScript).toContain(`'${name}:`);
      for (const option of command.longOptions) expect(zshScript).toContain(`'${option}:`);
    }
  });

  it('rejects an unknown shell as a usage error', () => {
    const r = pgwarden(['completion', 'fish'], repoRoot);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("'fish' is invalid for argument 'shell'. Allowed choices are bash, zsh.");
  });
});
