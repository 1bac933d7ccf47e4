import type { FileChange } from './fix-file.js';
/** A unified diff of every change, as `git diff` shows it (a new file from /dev/null). */
export declare function unifiedDiff(changes: readonly FileChange[]): string;
