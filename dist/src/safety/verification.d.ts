import type { PgClient } from '../db/pg-types.js';
import type { RunLogger } from '../runner/hooks.js';
import type { Statement } from '../sql/parser.js';
import { type RiskScope } from './at-risk.js';
import { type StatementResult } from './content.js';
import { type Measurement, type MeasureStart } from './measure.js';
import { Declarations } from './verdict.js';
import { type Attribution } from './verify.js';
/**
 * One measured unit of work: a transactional migration, or one statement of a no-transaction
 * migration in its own transaction. Opened after BEGIN, closed before COMMIT; closing throws
 * VerificationError when something was lost that the migration did not declare.
 */
export interface Unit {
    scope: RiskScope;
    start: MeasureStart;
}
export interface UnitSettings {
    maxRows: number;
    schemas?: readonly string[];
    log: RunLogger;
    migration: string;
}
export declare function openUnit(client: PgClient, seeds: Array<{
    table: string;
    reason: string;
}>, statements: readonly Statement[], s: UnitSettings): Promise<Unit>;
export interface CloseRequest extends UnitSettings {
    allowDataLoss: readonly string[];
    /**
     * The unit ran in transactions of its own (a DO block that commits): its counts were read live and
     * the application's writes move them, so only the server's accounting and the catalog judge it.
     */
    live?: boolean;
    statements: readonly Statement[];
    /** The server's answer to each statement (command tag and row count), when the runner kept them. */
    results?: readonly StatementResult[];
    attribution: Attribution;
}
/**
 * Measures and judges. On an undeclared loss it throws VerificationError, after `seen` was given the
 * rows before of the tables it counted (so a rollback can be shown to have kept them).
 */
export declare function closeUnit(client: PgClient, unit: Unit, r: CloseRequest, seen?: (rowsBefore: Map<string, number>) => void): Promise<{
    figures: string[];
    measurement: Measurement;
}>;
/** Rows before/after of every table the unit changed, as the log shows them. */
export declare function figuresOf(m: Measurement, declared: Declarations): string[];
