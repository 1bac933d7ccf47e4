#!/usr/bin/env node
// How fast `pgwarden lint` is, next to Node's own start-up and to squawk (a native binary), measured in
// one run on one machine so that the ratios compare: start-up (--version, one file), the repository's
// example history, a generated 823-file Prisma history and a generated 8,000-file one (10x), each cold
// and with --cache (unchanged, and with the newest file edited), wall time (median) and peak RSS.
//
//   npm run bench                        # 3 runs per figure (1 for the 8,000-file history)
//   npm run bench -- --runs 5 --large 0  # more runs; --large 0 leaves the 8,000-file history out
//
// squawk is not a dependency (per-platform binaries): SQUAWK_BIN names it, else it is looked for in
// node_modules/.bin and in /tmp/*/node_modules/.bin (`cd /tmp/squawk && npm i squawk-cli`).
import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { writePrismaHistory } from './lib/prisma-history.mjs';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  if (i < 0) return fallback;
  const n = Number(args[i + 1]);
  if (!Number.isInteger(n) || n < 0) fail(`--${name} expects a whole number`);
  return n;
};
if (args.includes('--help')) {
  console.log('usage: node bench/speed.mjs [--runs N] [--large N (files of the large history, 0: none)] [--medium N]');
  process.exit(0);
}
const runs = Math.max(1, flag('runs', 3));
const mediumFiles = flag('medium', 823);
const largeFiles = flag('large', 8000);

const pgwardenBin = join(root, 'bin', 'pgwarden.js');
if (!existsSync(join(root, 'dist', 'src', 'cli', 'program.js'))) fail('build first: npm run build');
const squawkBin = findSquawk();
// GNU time reports peak RSS (%M, KiB); without it only wall time is measured.
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;

const scratch = mkdtempSync(join(tmpdir(), 'pgwarden-bench-speed-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));
process.on('SIGINT', () => process.exit(130));

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function findSquawk() {
  if (process.env.SQUAWK_BIN) return existsSync(process.env.SQUAWK_BIN) ? process.env.SQUAWK_BIN : fail(`SQUAWK_BIN=${process.env.SQUAWK_BIN} does not exist`);
  const local = join(root, 'node_modules', '.bin', 'squawk');
  if (existsSync(local)) return local;
  for (const name of readdirSync(tmpdir())) {
    const candidate = join(tmpdir(), name, 'node_modules', '.bin', 'squawk');
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

/**
 * One process, timed from spawn to exit; peak RSS and CPU time (user + system, what the process itself
 * used: on a shared machine it varies less than wall time) from GNU time.
 */
function runOnce(command, cwd) {
  const [program, ...rest] = gnuTime ? ['/usr/bin/time', '-f', '%M %U %S', ...command] : command;
  const start = process.hrtime.bigint();
  const r = spawnSync(program, rest, { cwd, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, GITHUB_ACTIONS: '' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const lines = (r.stderr ?? '').trimEnd().split('\n');
  if (r.status !== 0 && r.status !== 1) fail(`${command.join(' ').slice(0, 200)} exited ${r.status}: ${lines.slice(-3, -1).join(' ')}`);
  const [rss, user, system] = gnuTime ? lines[lines.length - 1].split(' ').map(Number) : [NaN, NaN, NaN];
  return { ms, rssMiB: rss / 1024, cpuMs: (user + system) * 1000 };
}

/** Median wall time and the highest peak RSS of `n` runs; `before` runs untimed ahead of each. */
function measure(command, { cwd = scratch, n = runs, before } = {}) {
  const samples = [];
  for (let i = 0; i < n; i++) {
    before?.(i);
    samples.push(runOnce(command, cwd));
  }
  const median = (xs) => {
    const sorted = [...xs].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  };
  return { ms: median(samples.map((s) => s.ms)), cpuMs: median(samples.map((s) => s.cpuMs)), rssMiB: Math.max(...samples.map((s) => s.rssMiB)) };
}

const rows = [];
const fmtMs = (ms) => (Number.isNaN(ms) ? 'n/a' : ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(0)} ms`);
const fmtRss = (m) => (Number.isNaN(m) ? 'n/a' : `${m.toFixed(0)} MiB`);
const fmt = (m) => `${fmtMs(m.ms)} (CPU ${fmtMs(m.cpuMs)}), ${fmtRss(m.rssMiB)}`;
/** A table row: pgwarden's figures, the reference's, and the ratios of wall and of CPU time. */
function row(work, pgwarden, reference, referenceName) {
  const ratio = reference ? `${(pgwarden.ms / reference.ms).toFixed(2)}x ${referenceName} (CPU ${(pgwarden.cpuMs / reference.cpuMs).toFixed(2)}x)` : '';
  rows.push([work, fmtMs(pgwarden.ms), fmtMs(pgwarden.cpuMs), fmtRss(pgwarden.rssMiB), reference ? fmt(reference) : '–', ratio]);
  console.log(`  ${work}: ${fmt(pgwarden)}${ratio ? `; ${ratio}` : ''}`);
}

const node = process.execPath;
const lint = (...rest) => [node, pgwardenBin, 'lint', '--format', 'json', ...rest];
const squawk = (files) => [squawkBin, '--reporter', 'json', ...files];
const goals = [];

console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; squawk: ${squawkBin ?? 'not found (SQUAWK_BIN)'}`);
console.log(`${runs} runs per figure (median wall time, highest peak RSS), one process per run`);

// Start-up
const nodeZero = measure([node, '-e', '0'], { n: runs * 2 });
row('`node -e 0`', nodeZero);
const version = measure([node, pgwardenBin, '--version'], { n: runs * 2 });
row('`pgwarden --version`', version, nodeZero, '`node -e 0`');
goals.push(['`--version` ≤ 2x `node -e 0`', version.ms / nodeZero.ms, 2]);

const example = join(root, 'migrations-example');
const oneFile = join(example, '0005_create_tasks.up.sql');
const single = measure(lint(oneFile));
row('lint one file (0005_create_tasks.up.sql)', single, nodeZero, '`node -e 0`');
goals.push(['one file ≤ 3x `node -e 0`', single.ms / nodeZero.ms, 3]);
if (squawkBin) row('  squawk, the same file', measure(squawk([oneFile])), nodeZero, '`node -e 0`');

/** Cold, cached unchanged and cached with the newest file edited, for one history (a copy under scratch). */
function history(name, dir, files, n) {
  console.log(`${name}: ${files.length} files`);
  const cold = measure(lint(dir), { n });
  const sq = squawkBin ? measure(squawk(files), { n }) : undefined;
  row(`${name}: cold`, cold, sq, 'squawk');
  const cache = join(scratch, `cache-${name.replace(/\W+/g, '-')}`);
  runOnce(lint('--cache', '--cache-location', cache, dir));
  const warm = measure(lint('--cache', '--cache-location', cache, dir), { n });
  row(`${name}: --cache, unchanged`, warm, sq, 'squawk');
  const newest = files[files.length - 1];
  const edited = measure(lint('--cache', '--cache-location', cache, dir), { n, before: (i) => appendFileSync(newest, `\n-- edited ${i}\n`) });
  row(`${name}: --cache, newest file edited`, edited, sq, 'squawk');
  return { cold, warm, edited, squawk: sq };
}

const exampleCopy = join(scratch, 'example');
cpSync(example, exampleCopy, { recursive: true });
const exampleFiles = readdirSync(exampleCopy).filter((f) => f.endsWith('.up.sql')).sort().map((f) => join(exampleCopy, f));
history('example history (migrations-example/)', exampleCopy, exampleFiles, runs);

const mediumDir = join(scratch, 'prisma-medium', 'migrations');
const medium = history(`generated Prisma history`, mediumDir, writePrismaHistory(mediumDir, mediumFiles), runs);
if (medium.squawk) {
  goals.push([`${mediumFiles} files cold ≤ 3x squawk`, medium.cold.ms / medium.squawk.ms, 3]);
  goals.push([`${mediumFiles} files cached, unchanged ≤ 1x squawk`, medium.warm.ms / medium.squawk.ms, 1]);
  goals.push([`${mediumFiles} files cached, newest edited ≤ 1x squawk`, medium.edited.ms / medium.squawk.ms, 1]);
}
if (gnuTime) goals.push([`${mediumFiles} files peak RSS < 100 MiB`, medium.cold.rssMiB, 100, ' MiB']);

if (largeFiles > 0) {
  const largeDir = join(scratch, 'prisma-large', 'migrations');
  const large = history(`generated Prisma history, large`, largeDir, writePrismaHistory(largeDir, largeFiles), 1);
  goals.push([`${largeFiles} files cold ≤ 11x the ${mediumFiles}-file time`, large.cold.ms / medium.cold.ms, 11]);
}

console.log('\n| work | pgwarden wall | CPU | peak RSS | reference: wall (CPU), RSS | ratio |\n|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
console.log('\n| goal | measured | met |\n|---|---|---|');
for (const [goal, value, limit, unit = 'x'] of goals) console.log(`| ${goal} | ${value.toFixed(unit === 'x' ? 2 : 0)}${unit} | ${value <= limit ? 'yes' : 'no'} |`);
