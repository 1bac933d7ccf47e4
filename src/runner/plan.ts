import type { MigrationAnalysis, MigrationLock } from '../analysis/migration-analysis.js';
import { blocksReads, blocksWrites } from '../analysis/locks.js';
import type { Finding } from '../lint/types.js';
import type { GateResult } from './gate.js';
import { formatFinding } from './gate.js';

export interface PlanEntry {
  name: string;
  path: string;
  /** 'runner' (one transaction), 'explicit' (its own BEGIN/COMMIT) or 'none'. */
  transaction: MigrationAnalysis['transaction'];
  transactionReason: string;
  locks: MigrationLock[];
  tablesAtRisk: MigrationAnalysis['tablesAtRisk'];
  allowDataLoss: string[];
  findings: Finding[];
  /** True when the lint gate would stop `up` at this migration (without --allow-unsafe). */
  blocked: boolean;
}

export function planEntries(pending: MigrationAnalysis[], gate: GateResult): PlanEntry[] {
  return pending.map((a) => {
    const mine = (f: Finding) => f.file === a.path;
    const findings = [...gate.blocking, ...gate.accepted, ...gate.other].filter(mine).sort((x, y) => x.line - y.line || x.column - y.column);
    return {
      name: a.name,
      path: a.path,
      transaction: a.transaction,
      transactionReason: a.transactionReason,
      locks: a.locks,
      tablesAtRisk: a.tablesAtRisk,
      allowDataLoss: a.allowDataLoss,
      findings,
      blocked: gate.blocking.some(mine),
    };
  });
}

/**
 * Human-readable plan, one block per pending migration. `costOf` may add a line under a lock on an
 * existing table (the live database's size, estimated lock time and queue: src/live/).
 */
export function formatPlan(entries: PlanEntry[], costOf?: (lock: MigrationLock) => string | undefined): string {
  if (entries.length === 0) return 'no pending migrations\n';
  const lines: string[] = [];
  for (const e of entries) {
    lines.push(`${e.name}${e.blocked ? '  [blocked by the lint gate]' : ''}`);
    const tx = e.transaction === 'runner' ? 'in one transaction' : e.transaction === 'explicit' ? 'as written (its own BEGIN/COMMIT)' : 'outside a transaction, statement by statement';
    lines.push(`  runs:    ${tx}${e.transaction === 'runner' ? '' : ` (${e.transactionReason})`}`);
    if (e.locks.length === 0) lines.push('  locks:   none known');
    for (const l of e.locks) {
      const effect = blocksReads(l.mode) ? 'blocks reads and writes' : blocksWrites(l.mode) ? 'blocks writes' : 'blocks neither reads nor writes';
      if (l.createdHere) {
        lines.push(`  locks:   ${l.relation} ${l.mode} (created in this migration: blocks no one)`);
        continue;
      }
      const extra = [l.rewrite ? 'rewrites the table' : '', l.scan ? 'scans every row' : ''].filter(Boolean).join(', ');
      lines.push(`  locks:   ${l.relation} ${l.mode} (${effect}${extra ? `; ${extra}` : ''})`);
      const cost = costOf?.(l);
      if (cost) lines.push(`           ${cost}`);
    }
    if (e.tablesAtRisk.length === 0) lines.push('  at risk: no rows');
    for (const t of e.tablesAtRisk) {
      const declared = e.allowDataLoss.includes(t.table) ? ' — declared with allow-data-loss' : '';
      lines.push(`  at risk: ${t.table} (${t.reasons.join(', ')})${declared}`);
    }
    if (e.findings.length === 0) lines.push('  lint:    clean');
    for (const f of e.findings) lines.push(`  lint:    ${formatFinding(f)}${f.suppressed ? ` [suppressed: ${f.suppressed.reason}]` : ''}`);
    lines.push('');
  }
  return lines.join('\n');
}
