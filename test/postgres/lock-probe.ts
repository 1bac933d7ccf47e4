import type pg from 'pg';
import { LOCK_MODES, type LockMode } from '../../src/analysis/locks.js';

/** What PostgreSQL did to the relations that existed before a statement. */
export interface Observation {
  /** Relation name (as it was before the statement) → strongest table lock mode the statement held or requested. */
  modes: Map<string, LockMode>;
  /** Relations whose relfilenode changed. */
  newStorage: Set<string>;
  /** Which of the observed relations are indexes. */
  indexes: Set<string>;
}

interface RelationRow {
  oid: number;
  relname: string;
  relfilenode: number;
  relkind: string;
}

const strongest = (a: LockMode | undefined, b: LockMode): LockMode =>
  a === undefined || LOCK_MODES.indexOf(b) > LOCK_MODES.indexOf(a) ? b : a;

async function relationsOf(client: pg.Client, schema: string): Promise<RelationRow[]> {
  const result = await client.query<RelationRow>(
    `SELECT c.oid::int AS oid, c.relname, c.relfilenode::int AS relfilenode, c.relkind::text AS relkind FROM pg_class c
      WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p', 'm', 'i')`,
    [schema],
  );
  return result.rows;
}

async function relfilenodes(client: pg.Client, oids: number[]): Promise<Map<number, number>> {
  const result = await client.query<{ oid: number; relfilenode: number }>(
    'SELECT oid::int AS oid, relfilenode::int AS relfilenode FROM pg_class WHERE oid = ANY($1::oid[])',
    [oids],
  );
  return new Map(result.rows.map((r) => [r.oid, r.relfilenode]));
}

/**
 * Runs `statement` inside BEGIN … ROLLBACK and reads, from pg_locks, the strongest lock it holds on each
 * relation of `schema` that existed before it, and from pg_class which relations got new storage.
 */
export async function observeInTransaction(client: pg.Client, schema: string, statement: string): Promise<Observation> {
  const before = await relationsOf(client, schema);
  await client.query('BEGIN');
  try {
    await client.query(statement);
    const locks = await client.query<{ oid: number; mode: LockMode }>(
      `SELECT relation::int AS oid, mode FROM pg_locks
        WHERE pid = pg_backend_pid() AND locktype = 'relation' AND granted AND relation = ANY($1::oid[])`,
      [before.map((r) => r.oid)],
    );
    const after = await relfilenodes(client, before.map((r) => r.oid));
    return summarize(before, locks.rows, after);
  } finally {
    await client.query('ROLLBACK');
  }
}

/**
 * For statements PostgreSQL refuses inside a transaction block (CONCURRENTLY, VACUUM): a second session
 * holds SHARE UPDATE EXCLUSIVE on `target`, which lets weaker locks through but blocks every request of
 * SHARE UPDATE EXCLUSIVE or stronger. The statement's first such request waits and shows in pg_locks with
 * granted = false: that is the mode observed for `target`. Then the blocker rolls back, the statement
 * finishes, and relfilenodes are compared. Only `target` is observed.
 */
export async function observeOutsideTransaction(
  runner: pg.Client,
  blocker: pg.Client,
  schema: string,
  target: string,
  statement: string,
): Promise<Observation> {
  const before = await relationsOf(runner, schema);
  const row = before.find((r) => r.relname === target);
  if (!row) throw new Error(`relation ${target} not found in ${schema}`);
  const pid = (await runner.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0].pid;
  await blocker.query('BEGIN');
  await blocker.query(`LOCK TABLE ${schema}.${target} IN SHARE UPDATE EXCLUSIVE MODE`);
  const running = runner.query(statement);
  let waited: LockMode | undefined;
  try {
    // Wait until the statement queues behind the blocker (bounded by the test timeout, never asserted on).
    for (;;) {
      const waiting = await blocker.query<{ mode: LockMode }>(
        `SELECT mode FROM pg_locks WHERE pid = $1 AND locktype = 'relation' AND relation = $2::oid AND NOT granted`,
        [pid, row.oid],
      );
      if (waiting.rows.length > 0) {
        waited = waiting.rows[0].mode;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await blocker.query('ROLLBACK');
    await running;
  }
  const after = await relfilenodes(runner, [row.oid]);
  return summarize([row], waited ? [{ oid: row.oid, mode: waited }] : [], after);
}

function summarize(before: RelationRow[], locks: Array<{ oid: number; mode: LockMode }>, after: Map<number, number>): Observation {
  const modes = new Map<string, LockMode>();
  const newStorage = new Set<string>();
  const indexes = new Set(before.filter((r) => r.relkind === 'i').map((r) => r.relname));
  for (const relation of before) {
    for (const lock of locks) if (lock.oid === relation.oid) modes.set(relation.relname, strongest(modes.get(relation.relname), lock.mode));
    const now = after.get(relation.oid);
    if (now !== undefined && now !== relation.relfilenode) newStorage.add(relation.relname);
  }
  return { modes, newStorage, indexes };
}
