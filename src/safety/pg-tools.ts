import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { createWriteStream, existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { basename, dirname, join } from 'node:path';
import { BackupError } from './errors.js';
import { splitPassword, redactUrl } from './redact.js';
import { spawnTool, toolInvocation } from './spawn.js';

export interface PgTools {
  pgDump: string;
  pgRestore: string;
  /**
   * Set when this pg_restore is newer than the server and its SQL sets what the server does not know
   * (17+ sets transaction_timeout, unknown to 16 and older): restores into the database then go through
   * psql as SQL with those SET lines removed, instead of pg_restore's own connection.
   */
  olderServer?: OlderServerRestore;
}

export interface OlderServerRestore {
  /** The psql beside pg_restore (the same major), else PATH's. */
  psql: string;
  /** Settings the server does not know, whose `SET name = …;` lines are dropped from the script. */
  unknownSettings: string[];
}

/** pg_restore lives beside pg_dump: an explicit pg_dump path also chooses its pg_restore. */
export function pgTools(pgDumpPath?: string): PgTools {
  if (!pgDumpPath) return { pgDump: 'pg_dump', pgRestore: 'pg_restore' };
  return { pgDump: pgDumpPath, pgRestore: besidePgDump(pgDumpPath, 'pg_restore') };
}

function besidePgDump(pgDumpPath: string, tool: string): string {
  const dir = dirname(pgDumpPath);
  const name = basename(pgDumpPath).replace(/pg_dump/, tool);
  return dir === '.' && !pgDumpPath.includes('/') ? name : join(dir, name);
}

/** The psql of the same client installation as `pgDumpPath` when there is one, else PATH's. */
export function psqlBeside(pgDumpPath: string): string {
  const beside = besidePgDump(pgDumpPath, 'psql');
  return beside.includes('/') && existsSync(beside) ? beside : 'psql';
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

/**
 * Runs a client binary whose standard output goes through this process into `file`. A runner that is
 * killed closes the pipe, so the tool's next write fails and it stops too: no orphan pg_dump goes on
 * writing a backup nobody will finish.
 */
export function streamToolToFile(command: string, args: string[], options: ToolRun, file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawnTool(command, args, options);
    const out = createWriteStream(file, { mode: 0o600 });
    const err: Buffer[] = [];
    let exit: { code: number | null; signal: NodeJS.Signals | null } | undefined;
    let written = false;
    const settle = () => {
      if (!exit || !written) return;
      if (exit.code === 0) return resolve();
      const reason = firstLine(Buffer.concat(err).toString('utf8')) || (exit.signal ? `killed by ${exit.signal}` : `exit code ${exit.code}`);
      reject(new Error(`${basename(command)} failed: ${reason}`));
    };
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdout.pipe(out);
    out.on('finish', () => ((written = true), settle()));
    out.on('error', (error) => {
      child.kill();
      reject(error);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => ((exit = { code, signal }), settle()));
  });
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
export function manualRestoreCommand(tools: PgTools, databaseUrl: string, args: string[]): string {
  const { url, password } = splitPassword(databaseUrl);
  const env = password !== undefined ? 'PGPASSWORD=<password> ' : '';
  if (!tools.olderServer) return env + [tools.pgRestore, ...args, `--dbname=${url}`].map(shellQuote).join(' ');
  const { psql, unknownSettings } = tools.olderServer;
  const restore = [tools.pgRestore, ...args, '--file=-'].map(shellQuote).join(' ');
  const filter = ['grep', '-Ev', `^SET (${unknownSettings.join('|')}) = `].map(shellQuote).join(' ');
  return `${restore} | ${filter} | ${env}${[psql, ...PSQL_SCRIPT_ARGS, `--dbname=${url}`].map(shellQuote).join(' ')}`;
}

/** psql running a pg_restore script: no psqlrc, stop at the first error (the script's own BEGIN/COMMIT then rolls back). */
const PSQL_SCRIPT_ARGS = ['--no-psqlrc', '--quiet', '--set=ON_ERROR_STOP=1'];

/**
 * Restores archive entries into the database: `args` are pg_restore's (the archive last, no --dbname).
 * With a pg_restore newer than the server (PgTools.olderServer), its SQL goes through psql without the
 * SET lines the server would refuse.
 */
export async function restoreIntoDatabase(tools: PgTools, args: string[], databaseUrl: string): Promise<void> {
  if (!tools.olderServer) {
    await runTool(tools.pgRestore, args, { databaseUrl });
    return;
  }
  const unknown = new RegExp(`^SET (${tools.olderServer.unknownSettings.join('|')}) = `);
  const restore = spawnTool(tools.pgRestore, [...args.filter((a) => a !== '--exit-on-error'), '--file=-']);
  const psql = spawnWithInput(tools.olderServer.psql, [...PSQL_SCRIPT_ARGS], { databaseUrl });
  const restoreErr: Buffer[] = [];
  restore.stderr.on('data', (b: Buffer) => restoreErr.push(b));
  const lines = createInterface({ input: restore.stdout, crlfDelay: Infinity });
  const fed = (async () => {
    for await (const line of lines) {
      if (unknown.test(line)) continue;
      if (!psql.stdin.write(`${line}\n`)) await once(psql.stdin, 'drain');
    }
    psql.stdin.end();
  })();
  // psql may stop early (ON_ERROR_STOP): its closed stdin must not crash the feed
  psql.stdin.on('error', () => undefined);
  const [restoreExit, psqlExit] = await Promise.all([exitOf(restore), exitOf(psql.child), fed.catch(() => undefined)]);
  if (restoreExit.code !== 0) throw new Error(`${basename(tools.pgRestore)} failed: ${firstLine(Buffer.concat(restoreErr).toString('utf8')) || `exit code ${restoreExit.code}`}`);
  if (psqlExit.code !== 0) throw new Error(`${basename(tools.olderServer.psql)} failed: ${firstLine(psql.stderr()) || `exit code ${psqlExit.code}`}`);
}

function exitOf(child: ChildProcess): Promise<{ code: number | null }> {
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code }));
  });
}

/** Like spawnTool, with a stdin to write to; stdout is discarded (psql --quiet prints little). */
function spawnWithInput(command: string, args: string[], options: ToolRun): { child: ChildProcess; stdin: Writable; stderr: () => string } {
  const { env, finalArgs } = toolInvocation(args, options);
  const child = spawn(command, finalArgs, { env, stdio: ['pipe', 'ignore', 'pipe'] });
  const err: Buffer[] = [];
  child.stderr!.on('data', (b: Buffer) => err.push(b));
  return { child, stdin: child.stdin!, stderr: () => Buffer.concat(err).toString('utf8') };
}

function shellQuote(arg: string): string {
  return /^[\w./=:@,+-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

export { redactUrl };
