import { appendFileSync, closeSync, mkdirSync, openSync, readFileSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { redact } from '../db/redact.js';
import { FleetUsageError } from './errors.js';
/** `<journal>.shard-2-of-4.jsonl` for a shard, so that each CI job writes a file of its own. */
export function journalPath(base, shard) {
    if (!shard)
        return base;
    return join(dirname(base), `${stem(base)}.shard-${shard.index}-of-${shard.count}.jsonl`);
}
/** The fleet's journal and its shards' (the files `journalPath` names beside it). */
export function journalFamily(base) {
    const dir = dirname(base);
    const prefix = `${stem(base)}.shard-`;
    let names = [];
    try {
        names = readdirSync(dir);
    }
    catch {
        return [];
    }
    return names.filter((n) => n === basename(base) || (n.startsWith(prefix) && n.endsWith('.jsonl'))).sort().map((n) => join(dir, n));
}
function stem(path) {
    return basename(path).replace(/\.jsonl$/, '');
}
/**
 * Opens the journal for writing a rollout (a new one, or `rollout` to continue), holding `<path>.lock`:
 * one process writes a journal at a time. A lock left by a process that no longer runs is taken over.
 */
export function openJournal(path, rollout, secrets = []) {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    const lock = `${path}.lock`;
    takeLock(lock, path);
    let open = true;
    return {
        path,
        rollout,
        append(record) {
            const line = JSON.stringify({ ...record, rollout, at: new Date().toISOString() });
            appendFileSync(path, `${redact(line, secrets)}\n`, { mode: 0o600 });
        },
        close() {
            if (!open)
                return;
            open = false;
            rmSync(lock, { force: true });
        },
    };
}
function takeLock(lock, journal) {
    for (let attempt = 0; attempt < 2; attempt++) {
        try {
            const fd = openSync(lock, 'wx', 0o600);
            writeSync(fd, `${process.pid} ${hostname()}\n`);
            closeSync(fd);
            return;
        }
        catch (error) {
            if (error.code !== 'EEXIST')
                throw error;
        }
        const [pid, host] = readFileSync(lock, 'utf8').trim().split(' ');
        if (host === hostname() && !alive(Number(pid))) {
            rmSync(lock, { force: true });
            continue;
        }
        throw new FleetUsageError(`journal ${journal} is in use by another fleet run (pid ${pid} on ${host}); wait for it, or remove ${lock} if that run is gone`);
    }
    throw new FleetUsageError(`cannot lock journal ${journal} (${lock})`);
}
function alive(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code === 'EPERM';
    }
}
/** Every record of a journal file; a torn last line (the process was killed mid-write) is skipped. */
export function readJournal(path) {
    let text;
    try {
        text = readFileSync(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return [];
        throw error;
    }
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    const records = [];
    lines.forEach((line, i) => {
        try {
            records.push(JSON.parse(line));
        }
        catch {
            if (i !== lines.length - 1)
                throw new FleetUsageError(`journal ${path}: line ${i + 1} is not JSON; the journal was edited or damaged`);
        }
    });
    return records;
}
/** The last rollout recorded in `records` (undefined: the journal is empty). */
export function lastRollout(records) {
    const start = [...records].reverse().find((r) => r.type === 'rollout');
    if (!start)
        return undefined;
    const state = { start, targets: new Map(), wavesDone: new Set(), wavesConfirmed: new Set() };
    for (const r of records) {
        if (r.rollout !== start.rollout)
            continue;
        if (r.type === 'target')
            state.targets.set(r.target, r);
        else if (r.type === 'wave' && r.state === 'done')
            state.wavesDone.add(r.wave);
        else if (r.type === 'wave' && (r.state === 'confirmed' || r.state === 'started'))
            state.wavesConfirmed.add(r.wave);
        else if (r.type === 'end')
            state.end = r;
        else if (r.type === 'resume')
            state.end = undefined;
    }
    return state;
}
/** The latest record of every target over several journals (a fleet's shards): what status shows. */
export function latestByTarget(journals) {
    const out = new Map();
    for (const records of journals) {
        for (const r of records) {
            if (r.type !== 'target')
                continue;
            const seen = out.get(r.target);
            if (!seen || seen.at <= r.at)
                out.set(r.target, r);
        }
    }
    return out;
}
