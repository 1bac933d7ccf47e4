import type { HealthSpec } from './config.js';
import type { FleetTarget } from './targets.js';
export interface HealthResult {
    ok: boolean;
    /** What was checked and what failed, in one line. */
    detail: string;
}
/**
 * The health gate between waves: the check passes on every migrated target (a SQL query returning true,
 * or a command exiting 0), at once and then every interval until the soak time is over. The first
 * failure stops the gate, and with it the rollout.
 */
export declare function soak(spec: HealthSpec, targets: readonly FleetTarget[], options: {
    soakMs: number;
    parallel: number;
    wave: string;
    onPoll?: (result: HealthResult) => void;
    sleep?: (ms: number) => Promise<void>;
}): Promise<HealthResult>;
export declare function checkHealth(spec: HealthSpec, targets: readonly FleetTarget[], parallel: number, wave: string): Promise<HealthResult>;
