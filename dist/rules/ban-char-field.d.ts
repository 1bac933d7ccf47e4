import type { Rule } from '../src/lint/types.js';
export declare const banCharField: Rule;
