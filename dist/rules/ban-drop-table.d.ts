import type { Rule } from '../src/lint/types.js';
export declare const banDropTable: Rule;
