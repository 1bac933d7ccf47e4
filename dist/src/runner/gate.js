import { lintSources } from '../lint/engine.js';
/** Rules the gate does not block on: the runner sets lock_timeout and statement_timeout itself. */
export const RUNNER_SATISFIED_RULES = new Set(['require-lock-timeout', 'require-statement-timeout']);
/**
 * Lints the pending migrations the way `pgwarden lint` does. An error finding blocks unless a directive
 * silences it with a reason: a bare ignore does not say why the danger is acceptable.
 */
export async function lintGate(input) {
    const result = await lintSources(input.files, input.rules, input.options);
    const out = { blocking: [], accepted: [], other: [] };
    for (const f of result.findings) {
        if (!input.pending.has(f.file))
            continue;
        if (f.severity !== 'error' || RUNNER_SATISFIED_RULES.has(f.rule))
            out.other.push(f);
        else if (f.suppressed?.reason)
            out.accepted.push(f);
        else
            out.blocking.push(f);
    }
    return out;
}
/** The gate refused to run; `findings` are the blocking ones. */
export class GateRefusedError extends Error {
    findings;
    constructor(findings) {
        super(`lint gate: ${findings.length} error finding${findings.length === 1 ? '' : 's'} in pending migrations; nothing was applied (fix them, suppress each with a reason, or pass --allow-unsafe)`);
        this.name = 'GateRefusedError';
        this.findings = findings;
    }
}
/**
 * One line per finding. Only a bare ignore gets a note (the gate does not accept it); a reasoned one is
 * shown by its callers with its reason, so the line must not claim it had none.
 */
export function formatFinding(f) {
    const silenced = f.suppressed && !f.suppressed.reason ? ' (ignored without a reason, which the gate does not accept: add one after a colon)' : '';
    return `${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.rule}  ${f.message}${silenced}`;
}
