import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, isAbsolute, relative, resolve } from 'node:path';
import { allRules } from '../../rules/index.js';
import { lintSources } from '../lint/engine.js';
import { findLintTargets, findMigrations, runnerOf } from '../sql/discover.js';
/**
 * Lints files and migration directories the way `pgwarden lint <paths…>` does: a directory is searched
 * in its tool's layout and order, a file named explicitly is linted as it is (after the migrations that
 * precede it in its layout, which are replayed but not reported), and every file is replayed into one
 * schema model. Findings silenced by a directive stay in the result with `suppressed` set (reporters
 * leave them out). No configuration file is read: pass its settings as `options`.
 */
export async function lint(paths, options = {}) {
    const cwd = options.cwd ?? process.cwd();
    const list = typeof paths === 'string' ? [paths] : [...paths];
    const collector = new LintInputs();
    for (const p of list)
        await collector.add(resolve(cwd, p));
    const inputs = collector.inputs.map((i) => ({ ...i, path: displayPath(cwd, i.path) }));
    const sources = new Map(inputs.filter((i) => !i.context).map((i) => [i.path, i.text]));
    const result = await lintSources(inputs, options.rules ?? allRules, options.options);
    return { ...result, sources };
}
/**
 * The files `lint` reads for a list of paths, in order, with the tool that runs each one. A directory
 * contributes its forward migrations; a file named explicitly is linted whatever it is, and when it is
 * a migration of a known layout, the migrations before it come first as history (`context`), so that it
 * is checked against the schema they build: a table they created is known to exist and hold rows.
 */
export class LintInputs {
    keep;
    inputs = [];
    /** Problems of the layouts found (duplicate names, a down file without its up file…). */
    problems = [];
    index = new Map();
    layouts = new Map();
    constructor(keep = () => true) {
        this.keep = keep;
    }
    /**
     * Adds a file or directory (as the path findings should name it, relative or absolute); answers how
     * many files it contributes and the problems its layout has.
     */
    async add(path) {
        if ((await stat(path)).isFile()) {
            if (!this.keep(path))
                return { files: 0, problems: [] };
            await this.addFile(path);
            return { files: 1, problems: [] };
        }
        const found = await findLintTargets([path], this.keep);
        this.problems.push(...found.problems);
        for (const file of found.files)
            await this.push(file, { runner: found.runners.get(file) });
        return { files: found.files.length, problems: found.problems };
    }
    async addFile(path) {
        const history = await this.historyOf(path);
        if (!history)
            return this.push(path, {});
        for (const m of history.set.migrations.slice(0, history.at)) {
            if (this.keep(m.path))
                await this.push(m.path, { runner: runnerOf(history.set, m), context: true });
        }
        await this.push(path, { runner: runnerOf(history.set, history.set.migrations[history.at]) });
    }
    async push(path, extra) {
        const key = resolve(path);
        const known = this.index.get(key);
        if (known !== undefined) {
            // a file replayed as history and then named itself is reported where it stands
            if (!extra.context)
                this.inputs[known].context = undefined;
            return;
        }
        this.index.set(key, this.inputs.length);
        this.inputs.push({ path, text: await readFile(path, 'utf8'), ...extra });
    }
    /**
     * The layout a file is a forward migration of, and its place there. Plain directories of `*.sql`
     * count only when the file is numbered (`0042_x.sql`, `20240101_x.sql`): a folder of unnumbered
     * scripts is not a history.
     */
    async historyOf(path) {
        const dir = basename(path) === 'migration.sql' ? dirname(dirname(path)) : dirname(path);
        let set = this.layouts.get(resolve(dir));
        if (!set) {
            set = findMigrations(dir).catch(() => undefined);
            this.layouts.set(resolve(dir), set);
        }
        const found = await set;
        if (!found)
            return undefined;
        const at = found.migrations.findIndex((m) => resolve(m.path) === resolve(path));
        if (at === -1 || (found.tool === 'pgwarden' && !/^\d/.test(basename(path))))
            return undefined;
        return { set: found, at };
    }
}
function displayPath(cwd, file) {
    const rel = relative(cwd, file);
    return rel === '' || rel.startsWith('..') || isAbsolute(rel) ? file : rel;
}
