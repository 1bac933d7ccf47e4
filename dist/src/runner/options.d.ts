import type { Duration, Resolved, RunnerOptions } from './types.js';
export declare function duration(value: Duration | undefined, fallback: number, name: string): number;
export declare function resolveOptions(options: RunnerOptions): Resolved;
export declare function defaultAppliedBy(): string;
