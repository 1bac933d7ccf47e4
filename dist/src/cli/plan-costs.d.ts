import type { LockClaim } from '../analysis/locks.js';
import type { LockCost } from '../live/plan-costs.js';
export interface PlanCosts {
    text(lock: LockClaim): string | undefined;
    json(lock: LockClaim): LockCost | undefined;
}
/**
 * The live costs `migrate plan` shows beside each lock. When the facts cannot be read (a role without
 * access to the catalog…) the plan is still printed, without them, and a warning says why.
 */
export declare function planCosts(databaseUrl: string | undefined, calibration: string | undefined): Promise<PlanCosts>;
