#!/usr/bin/env node
// Precision figures: lints the repository's own example histories — migrations-example/ and every labeled
// case under test/cases/ — the way `pgwarden lint <dir>` does (each directory in its tool's layout and
// order, with that tool's transaction semantics), and prints how many findings each rule reports, so a
// change in precision shows up in review as a changed count.
//
//   npm run bench:precision                  # the table
//   node bench/precision.mjs --by-history    # and the findings per history
//   node bench/precision.mjs --json          # machine-readable
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
for (const a of args) if (!['--by-history', '--json'].includes(a)) fail(`unknown argument '${a}' (expected --by-history or --json)`);
const byHistory = args.includes('--by-history');
const json = args.includes('--json');
if (!existsSync(join(root, 'dist', 'src', 'index.js'))) fail('build first: npm run build');
const { lint } = await import(join(root, 'dist', 'src', 'index.js'));

/** The histories: migrations-example/ and each labeled case (its expected.json may name a subdirectory). */
function histories() {
  const list = [{ name: 'migrations-example', dir: join(root, 'migrations-example') }];
  const cases = join(root, 'test', 'cases');
  for (const entry of readdirSync(cases, { withFileTypes: true }).filter((e) => e.isDirectory()).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const expected = JSON.parse(readFileSync(join(cases, entry.name, 'expected.json'), 'utf8'));
    list.push({ name: `test/cases/${entry.name}`, dir: join(cases, entry.name, expected.dir ?? '.') });
  }
  return list;
}

const perRule = new Map();
const perHistory = [];
let files = 0;
for (const history of histories()) {
  const report = await lint(relative(root, history.dir) || '.', { cwd: root });
  const findings = report.findings.filter((f) => !f.suppressed);
  files += report.files.length;
  perHistory.push({ history: history.name, files: report.files.length, findings: findings.length });
  for (const f of findings) {
    const entry = perRule.get(f.rule) ?? { rule: f.rule, errors: 0, warnings: 0, histories: new Set() };
    entry[f.severity === 'error' ? 'errors' : 'warnings']++;
    entry.histories.add(history.name);
    perRule.set(f.rule, entry);
  }
}

const rows = [...perRule.values()].sort((a, b) => b.errors + b.warnings - (a.errors + a.warnings) || (a.rule < b.rule ? -1 : 1));
const total = rows.reduce((n, r) => ({ errors: n.errors + r.errors, warnings: n.warnings + r.warnings }), { errors: 0, warnings: 0 });
if (json) {
  const out = { histories: perHistory.length, files, total, rules: rows.map((r) => ({ rule: r.rule, errors: r.errors, warnings: r.warnings, histories: r.histories.size })) };
  if (byHistory) out.byHistory = perHistory;
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
} else {
  const width = Math.max(4, ...rows.map((r) => r.rule.length));
  console.log(`${perHistory.length} histories, ${files} files (migrations-example/ and test/cases/*)`);
  console.log('');
  console.log(`${'rule'.padEnd(width)}  errors  warnings  histories`);
  for (const r of rows) console.log(`${r.rule.padEnd(width)}  ${String(r.errors).padStart(6)}  ${String(r.warnings).padStart(8)}  ${String(r.histories.size).padStart(9)}`);
  console.log(`${'total'.padEnd(width)}  ${String(total.errors).padStart(6)}  ${String(total.warnings).padStart(8)}`);
  if (byHistory) {
    console.log('');
    const hw = Math.max(...perHistory.map((h) => h.history.length));
    for (const h of perHistory) console.log(`${h.history.padEnd(hw)}  ${String(h.files).padStart(3)} files  ${String(h.findings).padStart(3)} findings`);
  }
}

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}
