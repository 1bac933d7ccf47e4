import { lintSources } from '../lint/engine.js';
import type { LintOptions } from '../lint/config.js';
import type { Finding, Rule } from '../lint/types.js';

/** Rules the gate does not block on: the runner sets lock_timeout and statement_timeout itself. */
export const RUNNER_SATISFIED_RULES: ReadonlySet<string> = new Set(['require-lock-timeout', 'require-statement-timeout']);

export interface GateInput {
  /** Every migration in order (applied first), so the schema model is right for the pending ones. */
  files: Array<{ path: string; text: string }>;
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
export async function lintGate(input: GateInput): Promise<GateResult> {
  const result = await lintSources(input.files, input.rules, input.options);
  const out: GateResult = { blocking: [], accepted: [], other: [] };
  for (const f of result.findings) {
    if (!input.pending.has(f.file)) continue;
    if (f.severity !== 'error' || RUNNER_SATISFIED_RULES.has(f.rule)) out.other.push(f);
    else if (f.suppressed?.reason) out.accepted.push(f);
    else out.blocking.push(f);
  }
  return out;
}

/** The gate refused to run; `findings` are the blocking ones. */
export class GateRefusedError extends Error {
  readonly findings: Finding[];
  constructor(findings: Finding[]) {
    super(`lint gate: ${findings.length} error finding${findings.length === 1 ? '' : 's'} in pending migrations; nothing was applied (fix them, suppress each with a reason, or pass --allow-unsafe)`);
    this.name = 'GateRefusedError';
    this.findings = findings;
  }
}

/**
 * One line per finding. Only a bare ignore gets a note (the gate does not accept it); a reasoned one is
 * shown by its callers with its reason, so the line must not claim it had none.
 */
export function formatFinding(f: Finding): string {
  const silenced = f.suppressed && !f.suppressed.reason ? ' (ignored without a reason, which the gate does not accept: add one after a colon)' : '';
  return `${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.rule}  ${f.message}${silenced}`;
}
