#!/usr/bin/env node
// npm run size: what a production install of pgwarden costs. Packs this checkout (what `npm publish`
// would ship), installs the tarball into an empty project with `npm install --omit=dev --omit=optional`
// (no demo server, no language server), prints the size of node_modules by package, and proves `pgwarden lint` works there.
// Sizes are apparent sizes (the bytes of the files), in MB of 10^6 bytes, as npm reports unpacked sizes.
import { spawnSync } from 'node:child_process';
import { lstatSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args, cwd) {
  const r = spawnSync(command, args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
  if (r.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${r.status}): ${r.stderr.trim().split('\n').slice(-3).join(' | ')}`);
  return r.stdout;
}

/** Bytes of every file under `path` (symlinks counted as themselves, not followed). */
function bytes(path) {
  const stat = lstatSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((sum, name) => sum + bytes(join(path, name)), 0);
}

/** Installs the packed tarball lean into a fresh project; returns the figures and removes the project unless `keep`. */
export function measureInstall({ keep = false } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'pgwarden-size-'));
  try {
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', dir], repoRoot));
    const tarball = join(dir, packed[0].filename);
    const project = join(dir, 'project');
    run('mkdir', ['-p', project], dir);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'size-probe', private: true, type: 'module' }));
    run('npm', ['install', '--omit=dev', '--omit=optional', '--no-package-lock', tarball], project);
    const modules = join(project, 'node_modules');
    const packages = [];
    for (const name of readdirSync(modules)) {
      if (name.startsWith('.')) continue;
      const scoped = name.startsWith('@') ? readdirSync(join(modules, name)).map((n) => `${name}/${n}`) : [name];
      for (const pkg of scoped) packages.push({ name: pkg, bytes: bytes(join(modules, pkg)) });
    }
    packages.sort((a, b) => b.bytes - a.bytes);
    const total = bytes(modules);
    // lint must work in the lean install: migrations-example ships in the package (3 errors, 2 warnings)
    const bin = join(modules, 'pgwarden', 'bin', 'pgwarden.js');
    const lint = spawnSync(process.execPath, [bin, 'lint', '--format', 'json', join(modules, 'pgwarden', 'migrations-example')], { cwd: project, encoding: 'utf8' });
    const demo = spawnSync(process.execPath, [bin, 'demo'], { cwd: project, encoding: 'utf8' });
    // the language server's packages are optional too: `pgwarden lsp` says in one line how to get them
    const lsp = spawnSync(process.execPath, [bin, 'lsp', '--stdio'], { cwd: project, encoding: 'utf8', input: '' });
    return {
      tarballBytes: packed[0].size,
      unpackedBytes: packed[0].unpackedSize,
      files: packed[0].files.length,
      maps: packed[0].files.filter((f) => f.path.endsWith('.map')).length,
      total,
      packages,
      lint: { status: lint.status, summary: lint.status === 1 ? JSON.parse(lint.stdout).summary : lint.stderr.trim() },
      demo: { status: demo.status, stderr: demo.stderr.trim() },
      lsp: { status: lsp.status, stdout: lsp.stdout, stderr: lsp.stderr.trim() },
      project,
      remove: () => rmSync(dir, { recursive: true, force: true }),
    };
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

const mb = (n) => `${(n / 1e6).toFixed(1)} MB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const m = measureInstall();
  console.log(`tarball: ${mb(m.tarballBytes)} packed, ${mb(m.unpackedBytes)} unpacked, ${m.files} files, ${m.maps} source maps`);
  console.log(`npm install --omit=dev --omit=optional: node_modules ${mb(m.total)} in ${m.packages.length} packages; the largest:`);
  for (const p of m.packages.slice(0, 12)) console.log(`  ${mb(p.bytes).padStart(8)}  ${p.name}`);
  console.log(`lint migrations-example there: exit ${m.lint.status}, ${JSON.stringify(m.lint.summary)}`);
  console.log(`demo there: exit ${m.demo.status}: ${m.demo.stderr}`);
  console.log(`lsp there: exit ${m.lsp.status}: ${m.lsp.stderr}`);
}
