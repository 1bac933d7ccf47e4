import { spawn } from 'node:child_process';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const BIN = join(root, 'bin/pgwarden.js');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI (`npx tsc -p .` first) in `cwd`; never throws for a non-zero exit. */
export function runCli(args: string[], options: { cwd: string; env?: Record<string, string | undefined> }): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', DATABASE_URL: undefined, ...options.env };
    for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
    const child = spawn(process.execPath, [BIN, ...args], { cwd: options.cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolvePromise({ code: code ?? -1, stdout, stderr }));
  });
}

export interface Project {
  /** Working directory of the CLI runs. */
  cwd: string;
  /** `cwd/migrations`. */
  dir: string;
  write(file: string, sql: string): Promise<void>;
  remove(): Promise<void>;
}

/** A temporary project directory with an empty migrations/ folder. */
export async function tempProject(): Promise<Project> {
  const cwd = await mkdtemp(join(tmpdir(), 'pgwarden-runner-'));
  const dir = join(cwd, 'migrations');
  await mkdir(dir);
  return {
    cwd,
    dir,
    write: (file, sql) => writeFile(join(dir, file), sql),
    remove: () => rm(cwd, { recursive: true, force: true }),
  };
}

/** The URL with a password added (the local server trusts 127.0.0.1, so any password is accepted). */
export function withPassword(url: string, password: string): string {
  const u = new URL(url);
  u.password = password;
  return u.toString();
}
