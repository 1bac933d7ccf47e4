#!/usr/bin/env node
// `npm run test:pg-matrix [-- --majors 13,18] [--suites lock-claims,…]`: starts a throwaway server of each
// PostgreSQL major, runs the suites that depend on the server's version against it, and prints a table of
// majors × suites. Binaries are cached outside the repository (scripts/pg-matrix/majors.mjs says where).
import { spawn } from 'node:child_process';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startCluster } from './cluster.mjs';
import { cacheDir, MAJORS } from './majors.mjs';
import { ensureClient, ensureServer, toolVersion } from './setup.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Each suite is a set of test files run by vitest against the major's server. */
const SUITES = [
  { id: 'lock-claims', title: 'lock claims (pg_locks)', files: ['test/postgres/lock-claims.test.ts'] },
  { id: 'rule-examples', title: 'rules by version (docs examples, lint target)', files: ['test/postgres/rule-examples.test.ts', 'test/postgres/lint-version.test.ts'] },
  { id: 'client', title: 'pg_dump choice', files: ['test/postgres/pg-client.test.ts'] },
  {
    id: 'runner',
    title: 'runner end to end',
    // gate, backup with pg_dump, verification, restore, history: needs a client that restores into the server
    needsClient: true,
    files: [
      'test/runner/cli.test.ts',
      'test/safety/runner.test.ts',
      'test/safety/backup.test.ts',
      'test/safety/restore.test.ts',
      'test/safety/verify.test.ts',
      // restores outside a transaction: before-images, dropped columns, partitioned tables (MERGE, 15+ only, is in the others)
      'test/safety/undo.test.ts',
      'test/safety/image-rows.test.ts',
      'test/safety/drop-column.test.ts',
      'test/safety/partitioned.test.ts',
    ],
  },
];

const { values } = parseArgs({
  options: {
    majors: { type: 'string' },
    suites: { type: 'string' },
  },
});
const majors = values.majors ? values.majors.split(',').map(Number) : MAJORS.map((m) => m.major);
const suites = values.suites ? SUITES.filter((s) => values.suites.split(',').includes(s.id)) : SUITES;
if (suites.length === 0) throw new Error(`no such suite: ${values.suites} (known: ${SUITES.map((s) => s.id).join(', ')})`);

const logDir = join(cacheDir(), 'logs');
await mkdir(logDir, { recursive: true });
const say = (line) => process.stderr.write(`${line}\n`);
const started = Date.now();

// Every client first: the client suite needs all of them to prove which one the runner picks.
const clients = new Map();
const servers = new Map();
for (const major of majors) {
  const log = (message) => say(`[${major}] ${message}`);
  servers.set(major, await ensureServer(major, log));
  clients.set(major, await ensureClient(major, log));
}
const allClients = Object.fromEntries([...clients].filter(([, c]) => c.binDir).map(([major, c]) => [major, c.binDir]));

const rows = [];
for (const major of majors) {
  const client = clients.get(major);
  const cluster = await startCluster(servers.get(major), { label: String(major) });
  const serverVersion = await toolVersion(join(servers.get(major), 'postgres'));
  say(`[${major}] PostgreSQL ${serverVersion} on 127.0.0.1:${cluster.port}; ${client.binDir ? `pg_dump ${client.version}` : 'no pg_dump'} (${client.origin})`);
  const results = [];
  try {
    for (const suite of suites) {
      if (suite.needsClient && !client.binDir) {
        say(`[${major}] ${suite.id}: not run: no pg_dump/pg_restore on this machine can restore into PostgreSQL ${major}`);
        results.push({ suite, ok: true, notRun: true, ms: 0, passed: 0, total: 0, failures: [] });
        continue;
      }
      const result = await runSuite(suite, major, cluster.url, client);
      say(`[${major}] ${suite.id}: ${result.ok ? 'pass' : 'FAIL'} (${result.passed}/${result.total} tests, ${(result.ms / 1000).toFixed(1)} s)${result.ok ? '' : `; log: ${result.log}`}`);
      for (const name of result.failures.slice(0, 10)) say(`    ✗ ${name}`);
      results.push(result);
    }
  } finally {
    await cluster.stop();
  }
  rows.push({ major, serverVersion, client, results });
}

const wall = (Date.now() - started) / 1000;
process.stdout.write(table(rows) + `\nwall time ${wall.toFixed(0)} s (${new Date().toISOString().slice(0, 10)}, \`npm run test:pg-matrix\`)\n`);
process.exitCode = rows.every((r) => r.results.every((x) => x.ok)) ? 0 : 1;

/** Runs one suite's files with vitest; the server, PATH (this major's client first) and all clients in the environment. */
async function runSuite(suite, major, url, client) {
  const report = join(logDir, `${major}-${suite.id}.json`);
  const log = join(logDir, `${major}-${suite.id}.log`);
  await rm(report, { force: true });
  const env = {
    ...process.env,
    PGWARDEN_TEST_DATABASE_URL: url,
    PATH: client.binDir ? `${client.binDir}:${process.env.PATH}` : process.env.PATH,
    PGWARDEN_PG_MATRIX_CLIENTS: JSON.stringify(allClients),
  };
  const begin = Date.now();
  const args = [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...suite.files, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  const output = await new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (b) => (text += b));
    child.stderr.on('data', (b) => (text += b));
    child.on('close', (code) => resolve({ code, text }));
  });
  const ms = Date.now() - begin;
  await import('node:fs/promises').then((fs) => fs.writeFile(log, output.text));
  const json = JSON.parse(await readFile(report, 'utf8').catch(() => '{}'));
  const tests = (json.testResults ?? []).flatMap((f) => f.assertionResults ?? []);
  const failures = tests.filter((t) => t.status === 'failed').map((t) => t.fullName);
  const passed = tests.filter((t) => t.status === 'passed').length;
  // a suite that ran nothing has proven nothing
  const ok = output.code === 0 && passed > 0 && failures.length === 0;
  return { suite, ok, ms, passed, total: tests.length, failures, log };
}

function table(rows) {
  const header = ['PostgreSQL', 'pg_dump used', ...suites.map((s) => s.title)];
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of rows) {
    const cells = row.results.map((r) => (r.notRun ? 'not run: no client' : `${r.ok ? 'pass' : '**FAIL**'} ${r.passed}/${r.total}, ${(r.ms / 1000).toFixed(1)} s`));
    const own = Number.parseInt(row.client.version, 10) === row.major;
    const used = row.client.binDir ? `${row.client.version}${own ? '' : ' (newer)'}` : 'none here';
    lines.push(`| ${row.serverVersion} | ${used} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n') + '\n';
}
