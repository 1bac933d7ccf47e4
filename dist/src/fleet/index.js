// Fleet rollouts: the guarded single-database runner applied per target, in waves, with its own journal.
export { loadFleetConfig, parseFleetConfig } from './config.js';
export { discoverTargets, tenantHistorySchema, directoryName } from './targets.js';
export { planWaves, parseShard, shardOf, rolloutOrder } from './waves.js';
export { loadFleet, prepareRollout, selectWaves } from './prepare.js';
export { createRollout } from './rollout.js';
export { migrateTarget } from './target-run.js';
export { buildStatus, formatStatus, readLiveVersions } from './status.js';
export { planFleet, formatFleetPlan } from './plan.js';
export { journalPath, readJournal, lastRollout } from './journal.js';
export { FleetUsageError } from './errors.js';
