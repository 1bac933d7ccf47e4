// Shared plumbing of the database benchmarks: flags, a throw-away database that is dropped on every
// exit path (including ctrl-c), child processes that are stopped with it, and Markdown output.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import pg from 'pg';

export const root = resolve(import.meta.dirname, '..', '..');
export const pgwardenBin = join(root, 'bin', 'pgwarden.js');
export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/** One line on stderr, no stack trace, exit 2 (after cleanup) — the CLI's contract for user errors. */
export class BenchError extends Error {}

export function fail(message) {
  throw new BenchError(message);
}

/** Parses `--name value` flags against defaults; numbers stay numbers. Unknown flags are errors. */
export function parseFlags(argv, defaults, usage) {
  const flags = { ...defaults };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') {
      process.stdout.write(`${usage}\n`);
      process.exit(0);
    }
    const [rawName, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s) : [undefined];
    const name = rawName?.replace(/-([a-z])/g, (_, c) => c.toUpperCase());
    if (!name || !(name in defaults)) fail(`unknown argument '${arg}'\n${usage}`);
    const value = inline ?? argv[++i];
    if (value === undefined) fail(`--${rawName} expects a value`);
    if (typeof defaults[name] === 'number') {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) fail(`--${rawName} expects a non-negative number, got '${value}'`);
      flags[name] = n;
    } else flags[name] = value;
  }
  return flags;
}

/** A client binary from PATH, else from the PostgreSQL 15 install directory Debian uses. */
export function findTool(name) {
  for (const dir of [...(process.env.PATH ?? '').split(delimiter), '/usr/lib/postgresql/15/bin']) {
    if (dir && existsSync(join(dir, name))) return join(dir, name);
  }
  return fail(`${name} not found on PATH nor in /usr/lib/postgresql/15/bin: install the PostgreSQL client tools`);
}

/**
 * The admin URL split for child processes: the password travels in PGPASSWORD, never on a command
 * line (ps shows arguments to every user of the machine).
 */
export function connectionFor(adminUrl, database) {
  let url;
  try {
    url = new URL(adminUrl);
  } catch {
    return fail(`malformed --database-url: expected postgres://user@host:5432/database`);
  }
  const password = decodeURIComponent(url.password);
  url.password = '';
  if (database) url.pathname = `/${encodeURIComponent(database)}`;
  const withPassword = new URL(url);
  if (password) withPassword.password = encodeURIComponent(password);
  return { url: url.toString(), clientUrl: withPassword.toString(), env: password ? { ...process.env, PGPASSWORD: password } : { ...process.env } };
}

const children = new Set();
const cleanups = [];
let cleaningUp;

/** Registers work to undo at exit; runs last-registered first. */
export function onCleanup(fn) {
  cleanups.push(fn);
}

async function cleanupAll() {
  cleaningUp ??= (async () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
    while (cleanups.length > 0) {
      const fn = cleanups.pop();
      try {
        await fn();
      } catch (error) {
        process.stderr.write(`bench: cleanup step failed: ${error.message}\n`);
      }
    }
  })();
  return cleaningUp;
}

/** Runs `main`, then cleans up whatever happens: normal end, error, ctrl-c or kill. */
export async function runBenchmark(main) {
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      process.stderr.write(`\nbench: ${signal}, cleaning up…\n`);
      void cleanupAll().finally(() => process.exit(130));
    });
  }
  try {
    await main();
    await cleanupAll();
  } catch (error) {
    await cleanupAll();
    if (error instanceof BenchError) process.stderr.write(`bench: ${error.message}\n`);
    else process.stderr.write(`bench: ${error?.stack ?? error}\n`);
    process.exitCode = error instanceof BenchError ? 2 : 1;
  }
}

/** A fresh directory under the system temp dir, removed at exit. */
export function tempDir(prefix) {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  onCleanup(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Creates `pgwarden_bench_<what>_<random>`; it is dropped (WITH FORCE) at exit. */
export async function createBenchDatabase(adminUrl, what) {
  const name = `pgwarden_bench_${what}_${randomBytes(4).toString('hex')}`;
  const admin = connectionFor(adminUrl);
  const client = new pg.Client({ connectionString: admin.clientUrl });
  try {
    await client.connect();
  } catch (error) {
    fail(`cannot connect to the server at ${admin.url}: ${error.message}`);
  }
  try {
    await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
  onCleanup(() => dropDatabase(adminUrl, name));
  return { name, ...connectionFor(adminUrl, name) };
}

export async function dropDatabase(adminUrl, name) {
  const client = new pg.Client({ connectionString: connectionFor(adminUrl).clientUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/**
 * Runs a command (argument array, no shell) and resolves with its exit code, output and wall time.
 * `onStdoutLine` sees each stdout line as it arrives. Never rejects on a non-zero exit.
 */
export function run(command, args, { env, cwd, onStdoutLine } = {}) {
  return new Promise((resolvePromise, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(command, args, { env: env ?? process.env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    const out = [];
    const err = [];
    let pending = '';
    child.stdout.on('data', (b) => {
      out.push(b);
      if (!onStdoutLine) return;
      pending += b.toString('utf8');
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) onStdoutLine(line);
    });
    child.stderr.on('data', (b) => err.push(b));
    child.on('error', (error) => {
      children.delete(child);
      reject(error);
    });
    child.on('close', (code, signal) => {
      children.delete(child);
      if (onStdoutLine && pending) onStdoutLine(pending);
      resolvePromise({
        code,
        signal,
        ms: Number(process.hrtime.bigint() - start) / 1e6,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** Like run, but a non-zero exit is an error naming the command and its first stderr line. */
export async function runChecked(command, args, options) {
  const r = await run(command, args, options);
  if (r.code !== 0) {
    const reason = r.stderr.split('\n').find((l) => l.trim()) ?? `exit code ${r.code}`;
    fail(`${command.split('/').pop()} ${args[0] ?? ''} failed: ${reason.trim()}`);
  }
  return r;
}

export function machineLine() {
  const psql = spawnSync(findTool('psql'), ['--version'], { encoding: 'utf8' }).stdout.trim();
  return `${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${psql}, Node ${process.version}`;
}

export function markdownTable(headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(headers), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export const ms = (x) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x < 10 ? `${x.toFixed(2)} ms` : `${Math.round(x)} ms`);

export function bytes(n) {
  const units = ['B', 'kB', 'MB', 'GB'];
  let i = 0;
  while (n >= 1000 && i < units.length - 1) {
    n /= 1000;
    i++;
  }
  return `${n.toFixed(i === 0 ? 0 : 1)} ${units[i]}`;
}

export const sleep = (t) => new Promise((r) => setTimeout(r, t));
