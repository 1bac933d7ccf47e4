import type { LintInput } from '../lint/engine.js';
import type { LintOptions } from '../lint/config.js';
import type { LintResult } from '../lint/types.js';
/** Where the cache lives unless --cache-location says otherwise (relative to the working directory). */
export declare const DEFAULT_CACHE_LOCATION = ".pgwarden-cache";
/**
 * Findings per file, like ESLint's cache, but keyed by the file's place in its history: a file is
 * checked against the schema every file before it built, so its key chains the keys of its
 * predecessors (name, content, tool) onto pgwarden's version and build, the lint options (configuration, rule
 * severities, PostgreSQL major) and the rule set. Adding or editing the newest migration lints that
 * file only; editing an earlier one lints it and every file after it; any other change lints nothing.
 */
export declare function chainKeys(toolVersion: string, options: LintOptions, ruleIds: readonly string[], inputs: readonly LintInput[]): string[];
export declare class LintCache {
    private readonly location;
    private readonly stored;
    private constructor();
    /** Opens the cache at `location`; a missing, damaged or older cache is empty (only means linting again). */
    static open(location: string): Promise<LintCache>;
    /**
     * Lints what the cache cannot answer. A file whose key is stored is replayed into the schema model
     * only (as context: its rules do not run) when a later file needs linting, and not even parsed when
     * no file does; its findings come from the cache.
     */
    lint(inputs: LintInput[], keys: readonly string[], run: (inputs: LintInput[]) => Promise<LintResult>): Promise<LintResult>;
    private used;
    /**
     * Writes this run's entries with the others still fresh enough, pruned to the newest MAX_ENTRIES. The
     * new file is written under a name of its own and renamed over the old one: a concurrent run reads
     * either the old cache or the new one, never half of one (the last run to finish wins; entries it did
     * not know are linted again next time).
     */
    save(): Promise<void>;
}
