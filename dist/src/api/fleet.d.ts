import type { MigrationHooks } from '../runner/hooks.js';
import { type SafetyOptions } from '../safety/hooks.js';
import { type FleetTarget } from '../fleet/targets.js';
export interface FleetSafetyOptions extends Omit<SafetyOptions, 'backupDir' | 'schemas' | 'databaseUrl'> {
    /** Each target's backups go in `<backupDir>/<target name>` (default `.pgwarden/backups`). */
    backupDir?: string;
}
/**
 * The safety net of each target of a fleet, as `pgwarden fleet` builds it: backups in a directory of the
 * target's own, and for a schema target the whole safety net kept to its schema (SafetyOptions.schemas).
 */
export declare function fleetSafetyHooks(options?: FleetSafetyOptions): (target: FleetTarget) => MigrationHooks[];
