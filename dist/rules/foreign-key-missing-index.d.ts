import type { Rule } from '../src/lint/types.js';
import type { IndexModel } from '../src/analysis/schema.js';
/** An index serves a foreign key when its leading key columns are exactly the key's columns (in any order). */
export declare function indexCovers(index: IndexModel, columns: string[]): boolean;
export declare const foreignKeyMissingIndex: Rule;
