import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { downFileFor } from '../../rules/require-down-migration.js';
/** Where the cache lives unless --cache-location says otherwise (relative to the working directory). */
export const DEFAULT_CACHE_LOCATION = '.pgwarden-cache';
/** One file for every entry: a run reads it once, and renames a new one over it when done. */
const CACHE_FILE = 'lint-files.json';
const FORMAT = 1;
/** Entries no run used for this long are dropped, and at most this many kept (the most recently used). */
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;
const MAX_ENTRIES = 50_000;
/** An entry's last use is written again once it is older than this (pruning counts in days). */
const REFRESH_MS = 24 * 3600 * 1000;
/**
 * Findings per file, like ESLint's cache, but keyed by the file's place in its history: a file is
 * checked against the schema every file before it built, so its key chains the keys of its
 * predecessors (name, content, tool) onto pgwarden's version and build, the lint options (configuration, rule
 * severities, PostgreSQL major) and the rule set. Adding or editing the newest migration lints that
 * file only; editing an earlier one lints it and every file after it; any other change lints nothing.
 */
export function chainKeys(toolVersion, options, ruleIds, inputs) {
    let previous = createHash('sha256').update(JSON.stringify([toolVersion, options, ruleIds])).digest('hex');
    return inputs.map((input) => {
        const hash = createHash('sha256').update(previous).update('\0').update(input.path).update('\0').update(input.text);
        // require-down-migration reads the disk: whether the file's pair exists is part of what it found
        const down = downFileFor(input.path);
        hash.update('\0').update(JSON.stringify([input.runner ?? null, input.context ?? false, down !== undefined && existsSync(down)]));
        previous = hash.digest('hex');
        return previous;
    });
}
export class LintCache {
    location;
    stored;
    constructor(location, stored) {
        this.location = location;
        this.stored = stored;
    }
    /** Opens the cache at `location`; a missing, damaged or older cache is empty (only means linting again). */
    static async open(location) {
        try {
            const data = JSON.parse(await readFile(join(location, CACHE_FILE), 'utf8'));
            if (data.format === FORMAT && data.entries && typeof data.entries === 'object')
                return new LintCache(location, data.entries);
        }
        catch {
            // missing or damaged: start empty
        }
        return new LintCache(location, {});
    }
    /**
     * Lints what the cache cannot answer. A file whose key is stored is replayed into the schema model
     * only (as context: its rules do not run) when a later file needs linting, and not even parsed when
     * no file does; its findings come from the cache.
     */
    async lint(inputs, keys, run) {
        const files = inputs.filter((i) => !i.context).map((i) => i.path);
        // findings name their file only: the same name twice (standard input named like a file) is linted as is
        if (new Set(files).size !== files.length)
            return run(inputs);
        const cached = inputs.map((input, i) => (input.context ? undefined : this.stored[keys[i]]?.findings));
        const missing = inputs.map((input, i) => !input.context && cached[i] === undefined);
        const lastMissing = missing.lastIndexOf(true);
        const fresh = new Map();
        if (lastMissing >= 0) {
            // files after the last one to lint build nothing anyone reads: leave them out of the run
            const planned = inputs.slice(0, lastMissing + 1).map((input, i) => (missing[i] ? input : { ...input, context: true }));
            const result = await run(planned);
            const byPath = new Map();
            for (const finding of result.findings) {
                const list = byPath.get(finding.file);
                if (list)
                    list.push(finding);
                else
                    byPath.set(finding.file, [finding]);
            }
            planned.forEach((input, i) => {
                if (!input.context)
                    fresh.set(i, byPath.get(input.path) ?? []);
            });
        }
        const findings = [];
        const now = Date.now();
        this.used = new Map();
        inputs.forEach((input, i) => {
            if (input.context)
                return;
            const list = cached[i] ?? fresh.get(i) ?? [];
            this.used.set(keys[i], { used: now, findings: list });
            findings.push(...list);
        });
        return { findings, files };
    }
    used = new Map();
    /**
     * Writes this run's entries with the others still fresh enough, pruned to the newest MAX_ENTRIES. The
     * new file is written under a name of its own and renamed over the old one: a concurrent run reads
     * either the old cache or the new one, never half of one (the last run to finish wins; entries it did
     * not know are linted again next time).
     */
    async save() {
        const now = Date.now();
        // nothing new, and every entry used was marked used less than a day ago: the file says it already
        // (rewriting megabytes on every unchanged run cost more than reading them)
        if ([...this.used].every(([key]) => now - (this.stored[key]?.used ?? 0) < REFRESH_MS))
            return;
        const entries = Object.entries(this.stored).filter(([key, entry]) => !this.used.has(key) && now - entry.used < MAX_AGE_MS);
        entries.push(...this.used);
        entries.sort((a, b) => b[1].used - a[1].used);
        const data = { format: FORMAT, entries: Object.fromEntries(entries.slice(0, MAX_ENTRIES)) };
        await mkdir(this.location, { recursive: true });
        const temporary = join(this.location, `${CACHE_FILE}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
        await writeFile(temporary, JSON.stringify(data));
        await rename(temporary, join(this.location, CACHE_FILE));
        await removeWholeRunEntries(this.location);
    }
}
/** Before 0.2 the cache held one `lint-<sha256>.json` per whole run: they are never read again. */
async function removeWholeRunEntries(location) {
    const names = await readdir(location).catch(() => []);
    await Promise.all(names.filter((n) => /^lint-[0-9a-f]{64}\.json$/.test(n)).map((n) => rm(join(location, n), { force: true })));
}
