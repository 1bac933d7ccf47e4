import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (these tests run the built CLI: `npx tsc -p .` first). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const bin = join(repoRoot, 'bin/pgwarden.js');

export interface RunResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/pgwarden.js …` in `cwd`. */
export function pgwarden(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): RunResult {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...withoutCiVariables(process.env), ...env },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Runs a CI script the way GitHub Actions and GitLab run `bash` steps (errexit, pipefail). */
export function runScript(script: string, cwd: string, env: NodeJS.ProcessEnv): RunResult {
  const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
    cwd,
    encoding: 'utf8',
    env: { ...withoutCiVariables(process.env), ...env },
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** lint picks the github format by itself under GitHub Actions; tests must not inherit that. */
function withoutCiVariables(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out = { ...env };
  delete out.GITHUB_ACTIONS;
  delete out.GITLAB_CI;
  return out;
}

export interface Shim {
  /** PATH with the fake npx first. */
  path: string;
  remove(): void;
}

/**
 * A stand-in for `npx [--yes] pgwarden[@<version>] …` that runs this checkout's build instead of
 * downloading a release, so the scripts of the action and templates run for real.
 */
export function npxShim(): Shim {
  const dir = mkdtempSync(join(tmpdir(), 'pgwarden-npx-'));
  const script = `#!/bin/sh
while [ $# -gt 0 ]; do
  case "$1" in
    --yes|-y) shift ;;
    pgwarden|pgwarden@?*) shift; exec "${process.execPath}" "${bin}" "$@" ;;
    *) echo "npx shim: unexpected arguments: $*" >&2; exit 99 ;;
  esac
done
echo "npx shim: no pgwarden package given" >&2
exit 99
`;
  writeFileSync(join(dir, 'npx'), script);
  chmodSync(join(dir, 'npx'), 0o755);
  return { path: `${dir}:${process.env.PATH ?? ''}`, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A temporary project directory with the given files. */
export function tempProject(files: Record<string, string>): { dir: string; remove(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'pgwarden-project-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
