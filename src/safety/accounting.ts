import type { PgClient } from '../db/pg-types.js';
import { OWN_SCHEMAS } from './catalog.js';

/** Tuples one transaction inserted, updated and deleted in one table, as the server counts them. */
export interface TupleCounts {
  schema: string;
  table: string;
  inserted: number;
  updated: number;
  deleted: number;
}

/** `schema.table` → counts; the relation's oid is not kept: a table dropped meanwhile vanishes from the view. */
export type Accounting = Map<string, TupleCounts>;

/**
 * The current transaction's own tuple counts per user table (pg_stat_xact_user_tables). They include
 * whatever the transaction's statements fired — functions, triggers, ON DELETE CASCADE / SET NULL,
 * data-modifying CTEs, MERGE — and nothing other sessions did. On PostgreSQL 15 the view also holds the
 * session's earlier counts that were not flushed yet, so only a difference between two readings in one
 * transaction means anything (see accountingDelta).
 */
export async function readAccounting(client: PgClient): Promise<Accounting> {
  const r = await client.query<{ schema: string; table: string; ins: string; upd: string; del: string }>(
    `SELECT schemaname AS schema, relname AS table, n_tup_ins::text AS ins, n_tup_upd::text AS upd, n_tup_del::text AS del
       FROM pg_stat_xact_user_tables
      WHERE schemaname <> ALL($1) AND schemaname NOT LIKE 'pg\\_temp\\_%'`,
    [OWN_SCHEMAS],
  );
  return new Map(r.rows.map((x) => [`${x.schema}.${x.table}`, { schema: x.schema, table: x.table, inserted: Number(x.ins), updated: Number(x.upd), deleted: Number(x.del) }]));
}

/**
 * What happened between two readings. A TRUNCATE resets a table's transaction counts, so a counter
 * may go down: such a table is reported with `reset` and its row count must be checked instead.
 */
export function accountingDelta(before: Accounting, after: Accounting): Array<TupleCounts & { reset: boolean }> {
  const out: Array<TupleCounts & { reset: boolean }> = [];
  for (const [key, a] of after) {
    const b = before.get(key) ?? { inserted: 0, updated: 0, deleted: 0 };
    const d = { inserted: a.inserted - b.inserted, updated: a.updated - b.updated, deleted: a.deleted - b.deleted };
    const reset = d.inserted < 0 || d.updated < 0 || d.deleted < 0;
    if (!reset && d.inserted === 0 && d.updated === 0 && d.deleted === 0) continue;
    out.push({ schema: a.schema, table: a.table, inserted: Math.max(0, d.inserted), updated: Math.max(0, d.updated), deleted: Math.max(0, d.deleted), reset });
  }
  return out;
}
