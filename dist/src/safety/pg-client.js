import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { pgHas } from '../analysis/pg-features.js';
import { BackupError } from './errors.js';
import { checkPgDump, parseToolVersion, pgTools, psqlBeside, runTool, serverMajor } from './pg-tools.js';
/** Where distributions put each major's client tools side by side (`*` is the major). */
const VERSIONED_DIRS = [
    ['/usr/lib/postgresql', /^\d+$/, 'bin'], // Debian, Ubuntu
    ['/usr', /^pgsql-\d+$/, 'bin'], // PGDG RPMs (RHEL, Fedora)
    ['/opt/homebrew/opt', /^(postgresql|libpq)@\d+$/, 'bin'], // Homebrew, Apple silicon
    ['/usr/local/opt', /^(postgresql|libpq)@\d+$/, 'bin'], // Homebrew, Intel
    ['/Applications/Postgres.app/Contents/Versions', /^\d+$/, 'bin'],
];
/** Every pg_dump on this machine, PATH's first (in PATH order), then the distributions' versioned directories. */
export function pgDumpCandidates(path = process.env.PATH ?? '') {
    const dirs = path.split(delimiter).filter(Boolean);
    for (const [parent, pattern, bin] of VERSIONED_DIRS) {
        let names;
        try {
            names = readdirSync(parent);
        }
        catch {
            continue;
        }
        for (const name of names.filter((n) => pattern.test(n)).sort((a, b) => majorIn(b) - majorIn(a)))
            dirs.push(join(parent, name, bin));
    }
    const seen = new Set();
    const found = [];
    for (const dir of dirs) {
        const file = join(dir, 'pg_dump');
        if (!existsSync(file))
            continue;
        let real;
        try {
            real = realpathSync(file);
        }
        catch {
            continue;
        }
        if (seen.has(real))
            continue;
        seen.add(real);
        found.push(file);
    }
    return found;
}
const majorIn = (name) => Number(/\d+/.exec(name)?.[0] ?? 0);
/**
 * The pg_dump/pg_restore pair for a server: `--pg-dump` when given (checked), else the first pg_dump of
 * the server's own major (PATH first, then the distributions' versioned directories), else the nearest
 * newer one (pg_dump dumps older servers). Throws BackupError, one line saying how to get one, when none
 * can dump the server.
 */
export async function choosePgTools(server, explicitPgDump, candidates = pgDumpCandidates()) {
    const major = serverMajor(server.num);
    if (explicitPgDump) {
        const version = await checkPgDump(explicitPgDump, server);
        return { ...pgTools(explicitPgDump), ...olderServer(explicitPgDump, Number.parseInt(version, 10), major), version };
    }
    const found = [];
    for (const path of candidates) {
        const version = await runTool(path, ['--version']).then((r) => parseToolVersion(r.stdout), () => null);
        if (!version)
            continue;
        found.push({ path, ...version });
        if (version.major === major)
            break; // PATH's order decides among clients of the same major
    }
    const first = found[0];
    const own = found.find((f) => f.major === major);
    const newer = found.filter((f) => f.major > major).sort((a, b) => a.major - b.major)[0];
    const chosen = own ?? newer;
    if (!chosen) {
        // Nothing usable: the same one-line refusal as before, naming what was found.
        if (!first)
            return { ...pgTools(), version: await checkPgDump('pg_dump', server) };
        const seen = found.map((f) => `pg_dump ${f.text} (${f.path})`).join('; ');
        throw new BackupError(`cannot take a backup: no pg_dump can back up and restore this PostgreSQL ${server.text} server (found ${seen}): ${howToGet(major)}`);
    }
    let note;
    if (chosen.major !== major) {
        note = `no pg_dump ${major} found: using pg_dump ${chosen.text} (${chosen.path}), which dumps older servers; to back up with the server's own major install the PostgreSQL ${major} client tools (e.g. apt install postgresql-client-${major}) or pass --pg-dump`;
    }
    else if (chosen !== first) {
        const why = first.major < major ? 'cannot dump' : 'is newer than';
        note = `pg_dump ${first.text} (${first.path}) ${why} this PostgreSQL ${server.text} server: using pg_dump ${chosen.text} (${chosen.path})`;
    }
    return { ...pgTools(chosen.path), ...olderServer(chosen.path, chosen.major, major), version: chosen.text, ...(note ? { note } : {}) };
}
/**
 * A newer pg_restore writes SQL for its own major: from 17 on it sets transaction_timeout, which older
 * servers refuse (the matrix shows it on 16 with 18's client). Restores then go through psql without it.
 */
export function olderServer(pgDumpPath, clientMajor, serverMajorNumber) {
    if (!pgHas('transactionTimeout', clientMajor) || pgHas('transactionTimeout', serverMajorNumber))
        return {};
    return { olderServer: { psql: psqlBeside(pgDumpPath), unknownSettings: ['transaction_timeout'] } };
}
function howToGet(major) {
    return `install the PostgreSQL ${major} client tools (e.g. apt install postgresql-client-${major}) and put them on PATH or pass --pg-dump, or use --backup snapshot`;
}
