import type { Rule } from '../src/lint/types.js';
import { type IndexModel } from '../src/analysis/schema.js';
/** True when every query `x` serves, `y` serves as well, so `x` only costs writes and space. */
export declare function isRedundantTo(x: IndexModel, y: IndexModel): boolean;
export declare const redundantIndex: Rule;
