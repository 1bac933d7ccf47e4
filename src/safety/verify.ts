import type { RowCount } from './tables.js';

/**
 * Why counting inside the migration's own transaction works: the runner runs transactional
 * migrations at REPEATABLE READ, so the count before the SQL, the SQL itself and the count after it
 * all read one snapshot. Rows that application sessions insert or delete meanwhile are invisible to
 * both counts, so a difference can only come from the migration. (At READ COMMITTED each count would
 * see a new snapshot and concurrent deletes would look like data loss.) The price is that a
 * migration touching a row another session changed after the snapshot fails with SQLSTATE 40001;
 * the runner retries it from the start. Migrations outside a transaction have no such snapshot:
 * their counts are taken live, and concurrent traffic can move them.
 */
export interface TableCounts {
  table: string;
  before: RowCount;
  after: RowCount;
}

/** What the analysis says put a table at risk (optional detail the runner may pass along). */
export interface RiskDetail {
  table: string;
  /** `DELETE`, `DROP TABLE`, … */
  reason: string;
  /** The statement's SQL text. */
  statement: string;
  /** 1-based line of the statement in the migration file. */
  line?: number;
}

export interface DataLoss extends TableCounts {
  dropped: boolean;
}

/** Tables whose rows went down (or that disappeared with rows in them) without an allow-data-loss declaration. */
export function undeclaredDataLoss(counts: TableCounts[], allowDataLoss: Set<string>): DataLoss[] {
  const out: DataLoss[] = [];
  for (const c of counts) {
    if (c.before.rows === null || allowDataLoss.has(c.table)) continue;
    const dropped = c.after.rows === null;
    // dropping an empty table (a down file reverting a CREATE TABLE) loses no row
    if ((c.after.rows ?? 0) < c.before.rows) out.push({ ...c, dropped });
  }
  return out;
}

export function formatCount(count: RowCount): string {
  if (count.rows === null) return 'table dropped';
  return count.exact ? `${count.rows} rows` : `~${count.rows} rows (planner estimate)`;
}

/** One line per table: which table, the counts, the statement responsible and how to proceed. */
export function describeDataLoss(migration: string, losses: DataLoss[], risks: RiskDetail[]): string {
  const parts = losses.map((loss) => {
    const risk = risks.find((r) => r.table === loss.table);
    const where = risk ? ` by ${risk.reason}${risk.line ? ` at line ${risk.line}` : ''}: ${oneLine(risk.statement)}` : '';
    const figures = loss.dropped ? `${formatCount(loss.before)} before, table dropped after` : `${formatCount(loss.before)} before, ${formatCount(loss.after)} after`;
    return `${loss.table}: ${figures}${where}`;
  });
  const tables = losses.map((l) => l.table).join(', ');
  return (
    `migration ${migration} lost rows it did not declare (${parts.join('; ')}); ` +
    `if that is intended, add "-- pgwarden:allow-data-loss ${tables}" to the migration`
  );
}

function oneLine(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
