import type { MigrationStatus, Resolved, ValidateOptions, ValidationResult } from './types.js';
import { type PlanEntry } from './plan.js';
export declare function status(dir: string, r: Resolved): Promise<MigrationStatus[]>;
/** Every migration's state and every disagreement of files and history; reads only, takes no lock. */
export declare function validate(dir: string, r: Resolved, o: ValidateOptions): Promise<ValidationResult>;
export declare function plan(dir: string, r: Resolved): Promise<PlanEntry[]>;
