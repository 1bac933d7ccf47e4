#!/usr/bin/env node
// Cold-start benchmark: lints ../shared/corpus/postgres-regress with pgwarden and with squawk, alternating,
// a fresh process per run, and prints the median wall time, the ratio and peak memory of each.
//
//   npm run bench:lint                   # 5 runs each
//   node bench/lint.mjs --runs 9 [dir]   # more runs, another directory
//   node bench/lint.mjs --skip alter_table.sql,create_table.sql,rules.sql,with.sql
//                                        # leave out files (here: the four squawk 2.66 panics on)
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const runsFlag = args.indexOf('--runs');
const runs = runsFlag >= 0 ? Number(args[runsFlag + 1]) : 5;
const skipFlag = args.indexOf('--skip');
const skip = new Set(skipFlag >= 0 ? args[skipFlag + 1].split(',') : []);
const positional = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--runs' && args[i - 1] !== '--skip');
const dir = resolve(positional[0] ?? join(root, '..', 'shared', 'corpus', 'postgres-regress'));

if (!Number.isInteger(runs) || runs < 1) fail('--runs expects a positive whole number');
if (!existsSync(dir)) fail(`cannot read ${dir}: no such file or directory`);
const pgwardenBin = join(root, 'bin', 'pgwarden.js');
if (!existsSync(join(root, 'dist', 'src', 'cli', 'program.js'))) fail('build first: npm run build');
const squawkBin = join(root, 'node_modules', '.bin', 'squawk');
// squawk is not a devDependency: it ships per-platform binaries and npm ci fails where the registry lacks one.
if (!existsSync(squawkBin)) fail('squawk is missing: npm install --no-save squawk-cli@2.66.0');

const files = readdirSync(dir)
  .filter((f) => f.endsWith('.sql') && !skip.has(f))
  .sort()
  .map((f) => join(dir, f));
// GNU time reports peak RSS (%M, KiB); without it only wall time is measured.
const gnuTime = existsSync('/usr/bin/time') && spawnSync('/usr/bin/time', ['-f', '%M', 'true']).status === 0;

const tools = {
  // The directory itself when nothing is skipped (discovery is part of the work), else the same list.
  pgwarden: [process.execPath, pgwardenBin, 'lint', '--format', 'json', ...(skip.size > 0 ? files : [dir])],
  // squawk gets the same files as a list; it exits non-zero when it finds problems (or panics on a file).
  squawk: [squawkBin, '--reporter', 'json', ...files],
};

function runOnce(command) {
  const [program, ...rest] = gnuTime ? ['/usr/bin/time', '-f', '%M', ...command] : command;
  const start = process.hrtime.bigint();
  const r = spawnSync(program, rest, { encoding: 'utf8', maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, GITHUB_ACTIONS: '' } });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const lines = (r.stderr ?? '').trimEnd().split('\n');
  const rssKiB = gnuTime ? Number(lines[lines.length - 1]) : NaN;
  return { ms, rssKiB, status: r.status };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

const samples = { pgwarden: [], squawk: [] };
console.log(`corpus: ${dir} (${files.length} files${skip.size > 0 ? `, skipped ${[...skip].join(', ')}` : ''}), ${runs} cold runs each, alternating`);
console.log(`machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`);
for (let i = 0; i < runs; i++) {
  for (const name of i % 2 === 0 ? ['pgwarden', 'squawk'] : ['squawk', 'pgwarden']) {
    const s = runOnce(tools[name]);
    samples[name].push(s);
    console.log(`  run ${i + 1} ${name.padEnd(8)} ${s.ms.toFixed(0).padStart(6)} ms  exit ${s.status}${Number.isNaN(s.rssKiB) ? '' : `  peak RSS ${(s.rssKiB / 1024).toFixed(0)} MiB`}`);
  }
}

const summary = {};
for (const [name, list] of Object.entries(samples)) {
  summary[name] = { ms: median(list.map((s) => s.ms)), rss: Math.max(...list.map((s) => s.rssKiB)) };
}
const ratio = summary.pgwarden.ms / summary.squawk.ms;
console.log('');
for (const [name, s] of Object.entries(summary)) {
  console.log(`${name.padEnd(8)} median ${s.ms.toFixed(0).padStart(6)} ms   peak RSS ${Number.isNaN(s.rss) ? 'n/a (no GNU time)' : `${(s.rss / 1024).toFixed(0)} MiB`}`);
}
console.log(`ratio pgwarden/squawk: ${ratio.toFixed(2)} (target ≤ 1.50: ${ratio <= 1.5 ? 'met' : 'NOT met'})`);

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}
