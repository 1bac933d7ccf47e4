import { createTwoFilesPatch } from 'diff';
/** A unified diff of every change, as `git diff` shows it (a new file from /dev/null). */
export function unifiedDiff(changes) {
    return changes
        .map((c) => createTwoFilesPatch(c.before === null ? '/dev/null' : `a/${c.path}`, `b/${c.path}`, c.before ?? '', c.after, undefined, undefined, { context: 3 }).replace(/^=+\n/, ''))
        .join('');
}
