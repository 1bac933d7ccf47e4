import type { Loss } from './verdict.js';

/** What the analysis says put a table at risk (optional detail the runner passes along). */
export interface RiskDetail {
  table: string;
  /** `DELETE`, `DROP TABLE`, … */
  reason: string;
  /** The statement's SQL text. */
  statement: string;
  /** 1-based line of the statement in the migration file. */
  line?: number;
}

/** Which statement did it: the one measured alone, else the analysis' statement for the table. */
export interface Attribution {
  /** Set when the losses were measured for one statement (a no-transaction migration). */
  statement?: { text: string; line: number };
  risks: readonly RiskDetail[];
}

/**
 * One line: per loss the table (and column), the figures, the statement responsible, then the
 * directive that declares them all.
 */
export function describeLosses(migration: string, losses: Loss[], by: Attribution): string {
  const parts = losses.map((loss) => `${loss.table}: ${loss.figures}${responsible(loss, by)}`);
  const onlyRows = losses.every((l) => l.kind === 'rows');
  const declare = [...new Set(losses.map((l) => l.declare))].join(', ');
  return (
    `migration ${migration} lost ${onlyRows ? 'rows' : 'data'} it did not declare (${parts.join('; ')}); ` +
    `if that is intended, add "-- pgwarden:allow-data-loss ${declare}" to the migration`
  );
}

function responsible(loss: Loss, by: Attribution): string {
  if (loss.by) return `${loss.by}${by.statement ? ` through the statement at line ${by.statement.line}: ${oneLine(by.statement.text)}` : ''}`;
  if (by.statement) return ` by the statement at line ${by.statement.line}: ${oneLine(by.statement.text)}`;
  const risk = by.risks.find((r) => r.table === loss.table || loss.within?.includes(r.table));
  if (risk) return ` by ${risk.reason}${risk.line ? ` at line ${risk.line}` : ''}: ${oneLine(risk.statement)}`;
  return ' (no statement names it: a cascade, trigger, function or dynamic SQL did it)';
}

export function oneLine(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
