import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chmod, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { testServerMajor } from '../helpers/server.js';
import { runCli, tempProject, type Project } from '../runner/helpers.js';
import { choosePgTools, pgDumpCandidates } from '../../src/safety/pg-client.js';
import { BackupError } from '../../src/safety/errors.js';
import { parseToolVersion, runTool } from '../../src/safety/pg-tools.js';

/**
 * Which pg_dump the runner takes for the server it backs up. The real clients are the matrix's (every
 * major's, PGWARDEN_PG_MATRIX_CLIENTS) or, under `npm test`, the one on PATH; fake clients (scripts that
 * only print a version) stand for the ones that must not be picked.
 */
const major = testServerMajor();

interface Client {
  dir: string;
  major: number;
  version: string;
}

let db: TestDatabase;
let client: pg.Client;
let project: Project;
let real: Client[];
let serverText: string;

async function clientIn(dir: string): Promise<Client> {
  const version = parseToolVersion((await runTool(join(dir, 'pg_dump'), ['--version'])).stdout)!;
  return { dir, major: version.major, version: version.text };
}

/** A directory whose pg_dump only claims to be `version`. */
async function fakeClient(version: string): Promise<string> {
  const dir = join(project.cwd, `fake-${version}`);
  await mkdir(dir);
  for (const tool of ['pg_dump', 'pg_restore']) {
    await writeFile(join(dir, tool), `#!/bin/sh\necho "${tool} (PostgreSQL) ${version}"\n`);
    await chmod(join(dir, tool), 0o755);
  }
  return dir;
}

/** The one the runner should take from clients in PATH order: the server's own major, else the nearest newer. */
function expectedFor(clients: Client[]): Client | undefined {
  const newer = clients.filter((c) => c.major > major);
  const nearest = Math.min(...newer.map((c) => c.major));
  return clients.find((c) => c.major === major) ?? newer.find((c) => c.major === nearest);
}

beforeAll(async () => {
  db = await createTestDatabase('pgwarden_pg_client');
  client = await db.client();
  serverText = (await client.query<{ server_version: string }>('SHOW server_version')).rows[0].server_version.split(' ')[0];
  project = await tempProject();
  const dirs = process.env.PGWARDEN_PG_MATRIX_CLIENTS
    ? Object.values(JSON.parse(process.env.PGWARDEN_PG_MATRIX_CLIENTS) as Record<string, string>)
    : pgDumpCandidates().map((path) => dirname(path));
  real = [];
  for (const dir of new Set(dirs)) real.push(await clientIn(dir));
  await project.write('0001_items.up.sql', 'CREATE TABLE items (id bigint PRIMARY KEY);\n');
});
afterAll(async () => {
  await project?.remove();
  await db?.drop();
});

const migrate = (path: string, ...args: string[]) =>
  runCli(['migrate', 'up', '--backup-dir', join(project.cwd, 'backups'), ...args], { cwd: project.cwd, env: { DATABASE_URL: db.url, PATH: path } });

async function lastManifest(): Promise<{ pgDumpVersion?: string }> {
  const files = (await readdir(join(project.cwd, 'backups'))).filter((f) => f.endsWith('.json')).sort();
  return JSON.parse(await readFile(join(project.cwd, 'backups', files.at(-1)!), 'utf8')) as { pgDumpVersion?: string };
}

describe(`the pg_dump the runner takes for PostgreSQL ${major}`, () => {
  it('is the server\'s own major (else the nearest newer that restores into it), wherever it sits on PATH, and the run says which it took', async () => {
    const expected = expectedFor(real);
    // an older client first (cannot dump this server), an absurdly new one next, the real ones last
    const older = await fakeClient(`${major - 1}.0`);
    const newest = await fakeClient('99.0');
    const path = [older, newest, ...real.map((c) => c.dir), '/usr/bin', '/bin'].join(':');
    await client.query('DROP SCHEMA IF EXISTS pgwarden CASCADE; DROP TABLE IF EXISTS items');
    const run = await migrate(path);
    expect(run.stderr + run.stdout).toContain(`using pg_dump ${expected.version} (${join(expected.dir, 'pg_dump')})`);
    expect(run.code, run.stderr).toBe(0);
    expect((await lastManifest()).pgDumpVersion).toBe(expected.version);
  });

  it('with --pg-dump, is that one; one older than the server is refused in one line saying how to get one', async () => {
    const expected = expectedFor(real);
    const older = join(project.cwd, `fake-${major - 1}.0`);
    await client.query('DROP SCHEMA IF EXISTS pgwarden CASCADE; DROP TABLE IF EXISTS items');
    const refused = await migrate(process.env.PATH ?? '', '--pg-dump', join(older, 'pg_dump'));
    expect(refused.code).toBe(2);
    const line = `pgwarden: cannot take a backup: pg_dump ${major - 1}.0 (${join(older, 'pg_dump')}) cannot dump this PostgreSQL ${serverText} server: ` +
      `install the PostgreSQL ${major} client tools (e.g. apt install postgresql-client-${major}) and put them on PATH or pass --pg-dump, or use --backup snapshot`;
    expect(refused.stderr.trim()).toBe(line);
    if (!expected) return;
    const taken = await migrate(process.env.PATH ?? '', '--pg-dump', join(expected.dir, 'pg_dump'));
    expect(taken.code, taken.stderr).toBe(0);
    expect((await lastManifest()).pgDumpVersion).toBe(expected.version);
  });

  it('when no client can dump the server, names what it found and how to get the right one', async () => {
    const older = [join(project.cwd, `fake-${major - 1}.0`), ...real.filter((c) => c.major < major).map((c) => c.dir)];
    const error = (await choosePgTools({ num: major * 10000, text: serverText }, undefined, older.map((d) => join(d, 'pg_dump'))).catch((e: Error) => e)) as Error;
    expect(error).toBeInstanceOf(BackupError);
    expect(error.message).toMatch(
      new RegExp(`^cannot take a backup: no pg_dump can back up and restore this PostgreSQL ${serverText.replace('.', '\\.')} server \\(found pg_dump ${major - 1}\\.0 \\(.*\\)\\): install the PostgreSQL ${major} client tools \\(e\\.g\\. apt install postgresql-client-${major}\\)`),
    );
  });
});
