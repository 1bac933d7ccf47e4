import type { HealthSpec, WaveSpec } from './config.js';
/** `--shard 2/4`: the second of four parts of the fleet. */
export interface Shard {
    index: number;
    count: number;
}
export interface PlannedWave {
    /** 0-based position in the fleet file. */
    index: number;
    label: string;
    /** Target names, in the order they start. */
    members: string[];
    parallel: number;
    soakMs: number;
    pause: boolean;
    health?: HealthSpec;
    /** Named in the fleet file (a canary), rather than a percent stage. */
    named: boolean;
}
export declare function parseShard(text: string): Shard;
/** Which shard a target belongs to: from its name alone, so adding a tenant moves no other one. */
export declare function shardOf(name: string, count: number): number;
/**
 * The order percent waves take targets in: by a hash of the name, so that a 5% wave samples the whole
 * fleet rather than its oldest tenants, and every run — a resume, each shard — computes the same waves.
 */
export declare function rolloutOrder(names: readonly string[]): string[];
/**
 * Splits the fleet into its waves. Named waves take their targets; percent waves are cumulative over the
 * whole fleet (after `percent: 25`, a quarter of all targets, canaries included, has been migrated). With
 * a shard, each wave keeps the shard's members only: the membership is the fleet's, so shards agree.
 */
export declare function planWaves(names: readonly string[], specs: readonly WaveSpec[], shard?: Shard): PlannedWave[];
