import { join } from 'node:path';
import { safetyHooks } from '../safety/hooks.js';
import { directoryName } from '../fleet/targets.js';
/**
 * The safety net of each target of a fleet, as `pgwarden fleet` builds it: backups in a directory of the
 * target's own, and for a schema target the whole safety net kept to its schema (SafetyOptions.schemas).
 */
export function fleetSafetyHooks(options = {}) {
    const { backupDir = '.pgwarden/backups', ...rest } = options;
    return (target) => [safetyHooks({ ...rest, backupDir: join(backupDir, directoryName(target.name)), ...(target.schema ? { schemas: [target.schema] } : {}) })];
}
