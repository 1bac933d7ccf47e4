import type { Rule } from '../src/lint/types.js';
/** Every rule pgwarden knows, in documentation order. */
export declare const allRules: readonly Rule[];
