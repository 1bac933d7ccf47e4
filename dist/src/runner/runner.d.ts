import type { Runner, RunnerOptions } from './types.js';
export type * from './types.js';
/** The guarded runner; each method opens its own connections and closes them before it returns. */
export declare function createRunner(options: RunnerOptions): Runner;
