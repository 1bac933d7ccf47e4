import type { LintOptions } from '../lint/config.js';
import type { Finding, Rule } from '../lint/types.js';
/** Rules the gate does not block on: the runner sets lock_timeout and statement_timeout itself. */
export declare const RUNNER_SATISFIED_RULES: ReadonlySet<string>;
export interface GateInput {
    /** Every migration in order (applied first), so the schema model is right for the pending ones. */
    files: Array<{
        path: string;
        text: string;
    }>;
    /** Paths of the migrations about to run; only their findings count. */
    pending: ReadonlySet<string>;
    rules: readonly Rule[];
    options?: Partial<LintOptions>;
}
export interface GateResult {
    /** Error findings that stop the run. */
    blocking: Finding[];
    /** Error findings silenced in the file with a reason (accepted). */
    accepted: Finding[];
    /** Everything else reported on pending migrations (warnings, runner-satisfied rules). */
    other: Finding[];
}
/**
 * Lints the pending migrations the way `pgwarden lint` does. An error finding blocks unless a directive
 * silences it with a reason: a bare ignore does not say why the danger is acceptable.
 */
export declare function lintGate(input: GateInput): Promise<GateResult>;
/** The gate refused to run; `findings` are the blocking ones. */
export declare class GateRefusedError extends Error {
    readonly findings: Finding[];
    constructor(findings: Finding[]);
}
/**
 * One line per finding. Only a bare ignore gets a note (the gate does not accept it); a reasoned one is
 * shown by its callers with its reason, so the line must not claim it had none.
 */
export declare function formatFinding(f: Finding): string;
