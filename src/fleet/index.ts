// Fleet rollouts: the guarded single-database runner applied per target, in waves, with its own journal.
export { loadFleetConfig, parseFleetConfig, type FleetConfig, type WaveSpec, type HealthSpec, type TargetSource } from './config.js';
export { discoverTargets, tenantHistorySchema, directoryName, type FleetTarget } from './targets.js';
export { planWaves, parseShard, shardOf, rolloutOrder, type PlannedWave, type Shard } from './waves.js';
export { loadFleet, prepareRollout, selectWaves, type Fleet, type StartOptions, type PreparedRollout } from './prepare.js';
export { createRollout, type Rollout, type RolloutResult } from './rollout.js';
export { migrateTarget, type TargetOutcome, type TargetRunSettings } from './target-run.js';
export { buildStatus, formatStatus, readLiveVersions, type FleetStatus, type TargetStatus } from './status.js';
export { planFleet, formatFleetPlan, type FleetPlan } from './plan.js';
export { journalPath, readJournal, lastRollout, type JournalRecord } from './journal.js';
export { FleetUsageError } from './errors.js';
