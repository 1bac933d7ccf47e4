import { createTwoFilesPatch } from 'diff';
import type { FileChange } from './fix-file.js';

/** A unified diff of every change, as `git diff` shows it (a new file from /dev/null). */
export function unifiedDiff(changes: readonly FileChange[]): string {
  return changes
    .map((c) => createTwoFilesPatch(c.before === null ? '/dev/null' : `a/${c.path}`, `b/${c.path}`, c.before ?? '', c.after, undefined, undefined, { context: 3 }).replace(/^=+\n/, ''))
    .join('');
}
