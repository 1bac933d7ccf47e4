import type { Rule } from '../src/lint/types.js';
/** The file that undoes `path` in its tool's layout, or undefined when the layout has no such file. */
export declare function downFileFor(path: string): string | undefined;
export declare const requireDownMigration: Rule;
