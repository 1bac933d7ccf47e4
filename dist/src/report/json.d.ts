import type { Reporter } from './types.js';
/** DESIGN.md's JSON contract, one object on one line. */
export declare const jsonReporter: Reporter;
