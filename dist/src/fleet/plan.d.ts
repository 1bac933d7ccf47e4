import { type Fleet, type WaveSelection } from './prepare.js';
export interface FleetPlan {
    fleet: string;
    source: string;
    latest: string | null;
    migrations: string[];
    shard: string | null;
    waves: Array<{
        label: string;
        parallel: number;
        soak_ms: number;
        pause: boolean;
        health: string | null;
        targets: Array<{
            name: string;
            display: string;
            version: string | null;
            pending: number | null;
            error?: string;
        }>;
    }>;
}
/** What `fleet up` would do: the waves with their targets, and where each target stands now. */
export declare function planFleet(fleet: Fleet, selection: WaveSelection): Promise<FleetPlan>;
export declare function formatFleetPlan(plan: FleetPlan): string;
