import { join } from 'node:path';
import type { MigrationHooks } from '../runner/hooks.js';
import { safetyHooks, type SafetyOptions } from '../safety/hooks.js';
import { directoryName, type FleetTarget } from '../fleet/targets.js';

export interface FleetSafetyOptions extends Omit<SafetyOptions, 'backupDir' | 'schemas' | 'databaseUrl'> {
  /** Each target's backups go in `<backupDir>/<target name>` (default `.pgwarden/backups`). */
  backupDir?: string;
}

/**
 * The safety net of each target of a fleet, as `pgwarden fleet` builds it: backups in a directory of the
 * target's own, and for a schema target the whole safety net kept to its schema (SafetyOptions.schemas).
 */
export function fleetSafetyHooks(options: FleetSafetyOptions = {}): (target: FleetTarget) => MigrationHooks[] {
  const { backupDir = '.pgwarden/backups', ...rest } = options;
  return (target) => [safetyHooks({ ...rest, backupDir: join(backupDir, directoryName(target.name)), ...(target.schema ? { schemas: [target.schema] } : {}) })];
}
