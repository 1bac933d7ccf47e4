import { readFileSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
export const MIGRATION_TOOLS = ['pgwarden', 'golang-migrate', 'prisma', 'flyway', 'dbmate', 'goose', 'sqitch', 'popx', 'rails', 'knex'];
/**
 * Compares names the way people number migrations: runs of digits by value (`2_x` < `10_x`), the rest
 * by code unit, so the order does not depend on a locale.
 */
export function compareNatural(a, b) {
    const chunks = /(\d+|\D+)/g;
    const pa = a.match(chunks) ?? [];
    const pb = b.match(chunks) ?? [];
    for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
        const x = pa[i];
        const y = pb[i];
        if (x === y)
            continue;
        const xd = /^\d/.test(x);
        const yd = /^\d/.test(y);
        if (xd && yd) {
            const c = compareDigits(x, y);
            if (c !== 0)
                return c;
            continue;
        }
        return x < y ? -1 : 1;
    }
    if (pa.length !== pb.length)
        return pa.length - pb.length;
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Numeric comparison of digit strings of any length (versions may exceed 2^53). */
function compareDigits(x, y) {
    const a = x.replace(/^0+(?=\d)/, '');
    const b = y.replace(/^0+(?=\d)/, '');
    if (a.length !== b.length)
        return a.length - b.length;
    return a < b ? -1 : a > b ? 1 : 0;
}
/** The migrations of one directory in the order their tool runs them. */
export async function findMigrations(dir) {
    const entries = await readdir(dir, { withFileTypes: true });
    const names = new Set(entries.map((e) => e.name));
    if (names.has('sqitch.plan') || (names.has('deploy') && entries.some((e) => e.name === 'deploy' && e.isDirectory()))) {
        return sqitchMigrations(dir);
    }
    // Pointing at a sqitch project's deploy/ folder means the project.
    if (basename(dir) === 'deploy' && (await exists(join(dirname(dir), 'sqitch.plan')))) {
        return sqitchMigrations(dirname(dir));
    }
    const sqlFiles = entries.filter((e) => e.isFile() && e.name.endsWith('.sql')).map((e) => e.name);
    if (sqlFiles.length === 0) {
        const prisma = await prismaFolders(dir, entries);
        if (prisma.length > 0)
            return prismaMigrations(dir, prisma);
    }
    if (sqlFiles.some((n) => FLYWAY_VERSIONED.test(n) || FLYWAY_REPEATABLE.test(n))) {
        return flywayMigrations(dir, sqlFiles, new Set(entries.filter((e) => e.isFile() && e.name.endsWith('.sql.conf')).map((e) => e.name)));
    }
    if (sqlFiles.some((n) => POPX_SPECIFIC.test(n)))
        return popxMigrations(dir, sqlFiles);
    return upDownOrPlain(dir, sqlFiles);
}
function upDownOrPlain(dir, sqlFiles) {
    const upDown = sqlFiles.some((n) => n.endsWith('.up.sql') || n.endsWith('.down.sql'));
    const problems = [];
    const byName = new Map();
    const downs = new Map();
    for (const file of [...sqlFiles].sort(compareNatural)) {
        if (file.endsWith('.down.sql')) {
            downs.set(file.slice(0, -'.down.sql'.length), file);
            continue;
        }
        const name = migrationNameOf(file);
        const existing = byName.get(name);
        if (existing) {
            problems.push(`duplicate migration name ${name}: ${basename(existing.path)} and ${file} in ${dir}`);
            continue;
        }
        byName.set(name, { name, path: join(dir, file) });
    }
    for (const [name, file] of downs) {
        const up = byName.get(name);
        if (up)
            up.downPath = join(dir, file);
        else
            problems.push(`down file ${join(dir, file)} has no up file`);
    }
    const migrations = [...byName.values()].sort((a, b) => compareNatural(a.name, b.name));
    return { layout: upDown ? 'up-down' : 'plain', tool: upDown ? 'golang-migrate' : 'pgwarden', migrations, problems };
}
// Ory popx (Kratos, Hydra, Keto): <version>_<name>[.<dialect>][.autocommit].<up|down>.sql
const POPX = /^(\d+)_([^.]+)(?:\.(postgres|pg|cockroach|crdb|mysql|sqlite3|sqlite))?(\.autocommit)?\.(up|down)\.sql$/;
const POPX_SPECIFIC = /^\d+_[^.]+(?:\.(?:postgres|pg|cockroach|crdb|mysql|sqlite3|sqlite)(?:\.autocommit)?|\.autocommit)\.(?:up|down)\.sql$/;
/**
 * popx runs, for each version, the file for the database's dialect or else the one for every dialect:
 * on PostgreSQL `.postgres.`/`.pg.` files win over dialect-less ones, and MySQL, SQLite and CockroachDB
 * files are not run. `.autocommit.` files run without a transaction. Kratos splits one migration into
 * parts numbered `<14-digit timestamp><6-digit part>` with the same name: they always deploy together.
 */
function popxMigrations(dir, sqlFiles) {
    const chosen = new Map();
    for (const file of sqlFiles) {
        const m = POPX.exec(file);
        if (!m)
            continue;
        const [, version, name, dialect, , direction] = m;
        if (dialect !== undefined && dialect !== 'postgres' && dialect !== 'pg')
            continue;
        const key = `${version}_${name}`;
        const entry = chosen.get(key) ?? {};
        const side = direction;
        const specific = dialect !== undefined;
        if (!entry[side] || (specific && !entry[side].specific))
            entry[side] = { file, specific };
        chosen.set(key, entry);
    }
    const problems = [];
    const migrations = [];
    for (const [key, { up, down }] of chosen) {
        if (!up) {
            if (down)
                problems.push(`down file ${join(dir, down.file)} has no up file`);
            continue;
        }
        const [, version, name] = POPX.exec(up.file);
        migrations.push({
            name: key,
            path: join(dir, up.file),
            downPath: down ? join(dir, down.file) : undefined,
            autocommit: up.file.includes('.autocommit.') ? 'the file name says .autocommit.' : undefined,
            batch: version.length === 20 ? `${version.slice(0, 14)}_${name}` : key,
        });
    }
    migrations.sort((a, b) => compareNatural(a.name, b.name));
    return { layout: 'up-down', tool: 'popx', migrations, problems };
}
// Flyway: V<version>__<description>.sql, U<version>__… (undo), R__<description>.sql (repeatable).
const FLYWAY_VERSIONED = /^V(\d+(?:[._]\d+)*)__.*\.sql$/;
const FLYWAY_UNDO = /^U(\d+(?:[._]\d+)*)__.*\.sql$/;
const FLYWAY_REPEATABLE = /^R__.*\.sql$/;
/** Flyway versions compare part by part numerically; trailing zero parts do not count (1.1 = 1.1.0). */
function flywayVersionKey(version) {
    const parts = version.split(/[._]/).map((p) => p.replace(/^0+(?=\d)/, ''));
    while (parts.length > 1 && parts[parts.length - 1] === '0')
        parts.pop();
    return parts;
}
function compareVersionKeys(a, b) {
    for (let i = 0; i < Math.max(a.length, b.length); i++) {
        const c = compareDigits(a[i] ?? '0', b[i] ?? '0');
        if (c !== 0)
            return c;
    }
    return 0;
}
/**
 * Flyway reads `<script>.conf` beside a script; `executeInTransaction=false` there runs the script
 * outside a transaction (its opt-out marker).
 */
function flywayAutocommit(file, confs, read) {
    const conf = `${file}.conf`;
    if (!confs.has(conf))
        return undefined;
    return /^\s*executeInTransaction\s*=\s*false\s*$/im.test(read(conf) ?? '') ? `${conf} says executeInTransaction=false` : undefined;
}
function flywayMigrations(dir, sqlFiles, confs = new Set()) {
    const read = (name) => {
        try {
            return readFileSync(join(dir, name), 'utf8');
        }
        catch {
            return undefined;
        }
    };
    const problems = [];
    const versioned = new Map();
    const undo = [];
    const repeatable = [];
    for (const file of sqlFiles) {
        const v = FLYWAY_VERSIONED.exec(file);
        const u = FLYWAY_UNDO.exec(file);
        if (v) {
            const key = flywayVersionKey(v[1]);
            const id = key.join('.');
            const existing = versioned.get(id);
            if (existing) {
                problems.push(`duplicate Flyway version ${id}: ${basename(existing.file.path)} and ${file} in ${dir}`);
                continue;
            }
            versioned.set(id, { key, file: { name: migrationNameOf(file), path: join(dir, file), autocommit: flywayAutocommit(file, confs, read) } });
        }
        else if (u) {
            undo.push({ key: flywayVersionKey(u[1]), file });
        }
        else if (FLYWAY_REPEATABLE.test(file)) {
            repeatable.push({ name: migrationNameOf(file), path: join(dir, file), autocommit: flywayAutocommit(file, confs, read) });
        }
        else {
            problems.push(`${join(dir, file)} does not follow Flyway's naming (V<version>__<name>.sql), so Flyway ignores it`);
        }
    }
    for (const u of undo) {
        const target = versioned.get(u.key.join('.'));
        if (target)
            target.file.downPath = join(dir, u.file);
        else
            problems.push(`undo file ${join(dir, u.file)} has no versioned migration`);
    }
    const ordered = [...versioned.values()].sort((a, b) => compareVersionKeys(a.key, b.key)).map((v) => v.file);
    // Repeatable migrations run after every versioned one, ordered by description.
    repeatable.sort((a, b) => compareNatural(a.name, b.name));
    return { layout: 'flyway', tool: 'flyway', migrations: [...ordered, ...repeatable], problems };
}
async function prismaFolders(dir, entries) {
    const folders = [];
    for (const e of entries) {
        if (e.isDirectory() && (await exists(join(dir, e.name, 'migration.sql'))))
            folders.push(e.name);
    }
    return folders;
}
function prismaMigrations(dir, folders) {
    const migrations = [...folders]
        .sort(compareNatural)
        .map((name) => ({ name, path: join(dir, name, 'migration.sql') }));
    return { layout: 'prisma', tool: 'prisma', migrations, problems: [] };
}
async function sqitchMigrations(root) {
    const problems = [];
    const deployDir = join(root, 'deploy');
    const revertDir = join(root, 'revert');
    const deployFiles = await sqlNames(deployDir);
    const revertFiles = await sqlNames(revertDir);
    const plan = await readOptional(join(root, 'sqitch.plan'));
    let changes;
    if (plan !== undefined) {
        changes = sqitchPlanChanges(plan);
        for (const c of changes) {
            if (!deployFiles.has(c.file))
                problems.push(`sqitch.plan names ${c.name} but ${join(deployDir, `${c.file}.sql`)} does not exist`);
        }
        changes = changes.filter((c) => deployFiles.has(c.file));
        const planned = new Set(changes.map((c) => c.file));
        for (const f of deployFiles) {
            if (!planned.has(f))
                problems.push(`${join(deployDir, `${f}.sql`)} is not in sqitch.plan, so sqitch does not deploy it`);
        }
    }
    else {
        changes = [...deployFiles].sort(compareNatural).map((name) => ({ name, file: name }));
    }
    const migrations = changes.map((c) => ({
        name: c.name,
        path: join(deployDir, `${c.file}.sql`),
        downPath: revertFiles.has(c.file) ? join(revertDir, `${c.file}.sql`) : undefined,
    }));
    for (const f of revertFiles) {
        if (!deployFiles.has(f))
            problems.push(`revert file ${join(revertDir, `${f}.sql`)} has no deploy file`);
    }
    return { layout: 'sqitch', tool: 'sqitch', migrations, problems };
}
/**
 * Changes of a sqitch.plan in deploy order. A change planned again after a tag ("reworked") keeps its
 * earlier script as `name@tag.sql`; the latest one is `name.sql`.
 */
export function sqitchPlanChanges(plan) {
    const changes = [];
    for (const raw of plan.split(/\r?\n/)) {
        const line = raw.trim();
        if (line === '' || line.startsWith('#') || line.startsWith('%'))
            continue;
        const token = line.split(/\s+/)[0];
        if (token.startsWith('@')) {
            const tag = token.slice(1);
            for (const c of changes)
                c.tagAfter ??= tag;
            continue;
        }
        changes.push({ name: token, file: token });
    }
    const seen = new Set();
    // Walk backwards: the last occurrence of a name owns name.sql, earlier ones their following tag's file.
    for (let i = changes.length - 1; i >= 0; i--) {
        const c = changes[i];
        if (seen.has(c.name) && c.tagAfter)
            c.file = `${c.name}@${c.tagAfter}`;
        seen.add(c.name);
    }
    return changes.map(({ name, file }) => ({ name, file }));
}
async function sqlNames(dir) {
    try {
        const entries = await readdir(dir, { recursive: true, withFileTypes: true });
        return new Set(entries
            .filter((e) => e.isFile() && e.name.endsWith('.sql'))
            .map((e) => join(e.parentPath, e.name).slice(dir.length + 1).replace(/\\/g, '/').replace(/\.sql$/, '')));
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return new Set();
        throw error;
    }
}
async function readOptional(path) {
    try {
        return await readFile(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return undefined;
        throw error;
    }
}
async function exists(path) {
    try {
        await stat(path);
        return true;
    }
    catch {
        return false;
    }
}
export function runnerOf(set, migration) {
    return { tool: set.tool, autocommit: migration.autocommit, batch: migration.batch };
}
/**
 * What `lint` reads for the given paths: a directory contributes its forward migrations (down files are
 * rollback paths, not replayed); a file named explicitly is linted whatever it is. `keep` filters both
 * (the configuration's include/exclude globs).
 */
export async function findLintTargets(paths, keep = () => true) {
    const files = [];
    const runners = new Map();
    const problems = [];
    for (const p of paths) {
        const info = await stat(p);
        if (info.isFile()) {
            if (keep(p))
                files.push(p);
            continue;
        }
        const set = await findMigrations(p);
        problems.push(...set.problems);
        for (const m of set.migrations) {
            if (!keep(m.path))
                continue;
            files.push(m.path);
            runners.set(m.path, runnerOf(set, m));
        }
    }
    return { files, runners, problems };
}
/** Files to lint for the given paths (files as given, directories through findMigrations), in order. */
export async function discoverMigrations(paths) {
    return (await findLintTargets(paths)).files;
}
export function migrationNameOf(path) {
    const file = basename(path);
    // Prisma keeps the name in the folder.
    if (file === 'migration.sql')
        return basename(dirname(path));
    return file.replace(/(\.up)?\.sql$/, '');
}
