#!/usr/bin/env node
// Writes docs/rules/<id>.md for every rule, docs/rules-catalog.md and README.md's rule table from the rules' metadata, so the
// docs cannot drift from the code. Runs on the build output: `npm run docs:rules` builds first.
// `--check` writes nothing and exits 1 when a page is missing, stale or left over from a removed rule.
import { readdir, readFile, writeFile, unlink, mkdir } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { allRules } = await import(join(root, 'dist/rules/index.js'));
const { ruleDocPage, rulesCatalog, pgFeaturesTable } = await import(join(root, 'dist/src/cli/commands/rules.js'));

const check = process.argv.includes('--check');
const rulesDir = join(root, 'docs/rules');
const wanted = new Map(allRules.map((rule) => [join(rulesDir, `${rule.meta.id}.md`), ruleDocPage(rule)]));
wanted.set(join(root, 'docs/rules-catalog.md'), rulesCatalog(allRules));

// README.md carries the same table between markers (without the catalog's generated-file comment).
const readmePath = join(root, 'README.md');
const readme = await readFile(readmePath, 'utf8').catch(() => undefined);
const START = '<!-- rules:start -->';
const END = '<!-- rules:end -->';
if (readme?.includes(START) && readme.includes(END)) {
  const table = rulesCatalog(allRules).replace(/^<!--.*-->\n/, '');
  wanted.set(readmePath, `${readme.slice(0, readme.indexOf(START) + START.length)}\n${table}${readme.slice(readme.indexOf(END))}`);
}

// docs/pg-versions.md carries the version facts between markers
const versionsPath = join(root, 'docs/pg-versions.md');
const versions = await readFile(versionsPath, 'utf8').catch(() => undefined);
const FACTS_START = '<!-- pg-features:start -->';
const FACTS_END = '<!-- pg-features:end -->';
if (versions?.includes(FACTS_START) && versions.includes(FACTS_END)) {
  wanted.set(versionsPath, `${versions.slice(0, versions.indexOf(FACTS_START) + FACTS_START.length)}\n${pgFeaturesTable(allRules)}${versions.slice(versions.indexOf(FACTS_END))}`);
}

await mkdir(rulesDir, { recursive: true });
const problems = [];
for (const [path, text] of wanted) {
  const current = await readFile(path, 'utf8').catch(() => undefined);
  if (current === text) continue;
  if (check) problems.push(`${current === undefined ? 'missing' : 'stale'}: ${path}`);
  else await writeFile(path, text);
}
// pages of rules that no longer exist (only generated ones: they carry the marker)
for (const name of await readdir(rulesDir)) {
  const path = join(rulesDir, name);
  if (!name.endsWith('.md') || wanted.has(path)) continue;
  const text = await readFile(path, 'utf8');
  if (!text.startsWith('<!-- generated from rules/')) continue;
  if (check) problems.push(`left over: ${path}`);
  else await unlink(path);
}
if (problems.length > 0) {
  process.stderr.write(`rule docs are out of date (run npm run docs:rules):\n${problems.join('\n')}\n`);
  process.exitCode = 1;
} else if (!check) {
  process.stdout.write(`wrote ${allRules.length} rule pages and docs/rules-catalog.md\n`);
}
