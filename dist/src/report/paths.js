import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
/**
 * A finding's file relative to the repository root, with forward slashes: what GitHub annotations,
 * SARIF and GitLab expect, also when pgwarden ran in a subdirectory of a monorepo. `file` is as the
 * finding names it (relative to `cwd`, or absolute); `root` defaults to `cwd`.
 */
export function repositoryPath(file, cwd, root = cwd) {
    const absolute = isAbsolute(file) ? file : resolve(cwd, file);
    const rel = relative(root, absolute);
    // a file outside the repository: relative to where pgwarden ran, still never absolute
    const shown = rel.startsWith('..') || isAbsolute(rel) ? relative(cwd, absolute) : rel;
    return shown.replace(/\\/g, '/').replace(/^\.\//, '');
}
/** The top of the git repository holding `dir` (a `.git` directory or file), else undefined. */
export function repositoryRoot(dir) {
    let current = resolve(dir);
    for (;;) {
        if (existsSync(join(current, '.git')))
            return current;
        const parent = dirname(current);
        if (parent === current)
            return undefined;
        current = parent;
    }
}
