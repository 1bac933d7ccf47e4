import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { basename, dirname, join } from 'node:path';
import { BackupError } from './errors.js';
import { splitPassword, redactUrl } from './redact.js';

export interface PgTools {
  pgDump: string;
  pgRestore: string;
}

/** pg_restore lives beside pg_dump: an explicit pg_dump path also chooses its pg_restore. */
export function pgTools(pgDumpPath?: string): PgTools {
  if (!pgDumpPath) return { pgDump: 'pg_dump', pgRestore: 'pg_restore' };
  const dir = dirname(pgDumpPath);
  const restore = basename(pgDumpPath).replace(/pg_dump/, 'pg_restore');
  return { pgDump: pgDumpPath, pgRestore: dir === '.' && !pgDumpPath.includes('/') ? restore : join(dir, restore) };
}

export interface ToolRun {
  /** Database URL; its password goes to the child's PGPASSWORD, never to the command line. */
  databaseUrl?: string;
}

export interface ToolResult {
  stdout: string;
  stderr: string;
}

/** Runs a client binary with an argument array (no shell); rejects with its stderr on failure. */
export function runTool(command: string, args: string[], options: ToolRun = {}): Promise<ToolResult> {
  return new Promise((resolve, reject) => {
    const child = spawnTool(command, args, options);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const stderr = Buffer.concat(err).toString('utf8');
      const stdout = Buffer.concat(out).toString('utf8');
      if (code === 0) resolve({ stdout, stderr });
      else {
        const reason = firstLine(stderr) || (signal ? `killed by ${signal}` : `exit code ${code}`);
        reject(new Error(`${basename(command)} failed: ${reason}`));
      }
    });
  });
}

/** Starts a client binary with an argument array (no shell), the password only in its environment. */
export function spawnTool(command: string, args: string[], options: ToolRun = {}): ChildProcessByStdio<null, Readable, Readable> {
  const env = { ...process.env };
  const finalArgs = [...args];
  if (options.databaseUrl) {
    const { url, password } = splitPassword(options.databaseUrl);
    if (password !== undefined) env.PGPASSWORD = password;
    finalArgs.push(`--dbname=${url}`);
  }
  return spawn(command, finalArgs, { env, stdio: ['ignore', 'pipe', 'pipe'] });
}

export function firstLine(text: string): string {
  return text.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
}

/** `pg_dump (PostgreSQL) 15.20 (Debian …)` → 15. */
export function parseToolVersion(output: string): { major: number; text: string } | null {
  const m = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(output);
  if (!m) return null;
  return { major: Number(m[1]), text: m[2] ? `${m[1]}.${m[2]}` : m[1] };
}

export function serverMajor(serverVersionNum: number): number {
  return Math.floor(serverVersionNum / 10000);
}

/**
 * pg_dump refuses servers newer than itself; find out before the run rather than halfway through
 * a backup. Throws one line saying what is wrong and how to fix it.
 */
export async function checkPgDump(pgDump: string, serverVersion: { num: number; text: string }): Promise<string> {
  const major = serverMajor(serverVersion.num);
  const fix =
    `install the PostgreSQL ${major} client tools (e.g. apt install postgresql-client-${major}) and put them on PATH or pass --pg-dump, ` +
    `or use --backup snapshot`;
  let output: string;
  try {
    output = (await runTool(pgDump, ['--version'])).stdout;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'not found' : code === 'EACCES' ? 'not executable' : `unusable (${(error as Error).message})`;
    throw new BackupError(`cannot take a backup: pg_dump ${what} (${pgDump}): ${fix}`);
  }
  const version = parseToolVersion(output);
  if (!version) throw new BackupError(`cannot take a backup: ${pgDump} --version printed no PostgreSQL version: ${fix}`);
  if (version.major < major) {
    throw new BackupError(
      `cannot take a backup: pg_dump ${version.text} (${pgDump}) cannot dump this PostgreSQL ${serverVersion.text} server: ${fix}`,
    );
  }
  return version.text;
}

/** The exact command to finish a restore by hand: the password is left for the reader to supply. */
export function manualRestoreCommand(pgRestore: string, databaseUrl: string, args: string[]): string {
  const { url, password } = splitPassword(databaseUrl);
  const quoted = [pgRestore, ...args, `--dbname=${url}`].map(shellQuote).join(' ');
  return password !== undefined ? `PGPASSWORD=<password> ${quoted}` : quoted;
}

function shellQuote(arg: string): string {
  return /^[\w./=:@,+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

export { redactUrl };
