import type { PgClient } from '../db/pg-types.js';
import { quoteIdent } from '../db/quote.js';
import { journalSetup } from './journal.js';

/** The runner's own schema; its tables are the contract other tools (status, repair) read. */
export const HISTORY_SCHEMA = 'pgwarden';

/**
 * Where the history of the runs on a connection lives, when not in HISTORY_SCHEMA (a schema-per-tenant
 * target keeps one per tenant: RunnerOptions.historySchema). Held per connection, so that every reader
 * and writer of the history on the session's connections uses the same tables without passing it along.
 */
const historySchemaOf = new WeakMap<PgClient, string>();

export function useHistorySchema(client: PgClient, schema: string): void {
  if (schema === HISTORY_SCHEMA) historySchemaOf.delete(client);
  else historySchemaOf.set(client, schema);
}

export function forgetHistorySchema(client: PgClient): void {
  historySchemaOf.delete(client);
}

/** The history schema of `client`, quoted for SQL. */
export function quotedHistorySchema(client: PgClient): string {
  return schemaOf(client);
}

function schemaOf(client: PgClient): string {
  return quoteIdent(historySchemaOf.get(client) ?? HISTORY_SCHEMA);
}

export interface HistoryEntry {
  name: string;
  /** sha256 (hex) of the migration file when it was applied. */
  checksum: string;
  appliedAt: Date;
  appliedBy: string;
  durationMs: number;
  pgwardenVersion: string;
}

/** A migration that was started outside a transaction and has not finished (or not been resolved). */
export interface AttemptMarker {
  name: string;
  direction: 'up' | 'down';
  checksum: string;
  startedAt: Date;
  startedBy: string;
  statementsTotal: number;
  statementsDone: number;
}

const setup = (schema: string) => `
create schema if not exists ${schema};
create table if not exists ${schema}.migrations (
  name text primary key,
  checksum text not null,
  applied_at timestamptz not null default now(),
  applied_by text not null,
  duration_ms integer not null,
  pgwarden_version text not null
);
create table if not exists ${schema}.migration_attempts (
  name text primary key,
  direction text not null check (direction in ('up', 'down')),
  checksum text not null,
  started_at timestamptz not null default now(),
  started_by text not null,
  statements_total integer not null,
  statements_done integer not null default 0
);`;

/** Creates the history tables (idempotent). Call while holding the run lock so two runners do not race. */
export async function ensureHistory(client: PgClient): Promise<void> {
  await client.query(setup(schemaOf(client)) + journalSetup(schemaOf(client)));
}

async function historyExists(client: PgClient): Promise<boolean> {
  const schema = schemaOf(client);
  const { rows } = await client.query<{ ok: boolean }>(`select to_regclass($1) is not null and to_regclass($2) is not null as ok`, [
    `${schema}.migrations`,
    `${schema}.migration_attempts`,
  ]);
  return rows[0].ok;
}

/** Applied migrations in the order they were applied; empty when the runner never ran here. */
export async function readHistory(client: PgClient): Promise<HistoryEntry[]> {
  if (!(await historyExists(client))) return [];
  const { rows } = await client.query<{ name: string; checksum: string; applied_at: Date; applied_by: string; duration_ms: number; pgwarden_version: string }>(
    `select name, checksum, applied_at, applied_by, duration_ms, pgwarden_version from ${schemaOf(client)}.migrations order by applied_at, name`,
  );
  return rows.map((r) => ({
    name: r.name,
    checksum: r.checksum,
    appliedAt: r.applied_at,
    appliedBy: r.applied_by,
    durationMs: r.duration_ms,
    pgwardenVersion: r.pgwarden_version,
  }));
}

export async function readAttempts(client: PgClient): Promise<AttemptMarker[]> {
  if (!(await historyExists(client))) return [];
  const { rows } = await client.query<{ name: string; direction: 'up' | 'down'; checksum: string; started_at: Date; started_by: string; statements_total: number; statements_done: number }>(
    `select * from ${schemaOf(client)}.migration_attempts order by started_at`,
  );
  return rows.map((r) => ({
    name: r.name,
    direction: r.direction,
    checksum: r.checksum,
    startedAt: r.started_at,
    startedBy: r.started_by,
    statementsTotal: r.statements_total,
    statementsDone: r.statements_done,
  }));
}

/** Records an applied migration; called on the migration's connection inside its transaction. */
export async function recordApplied(client: PgClient, entry: Omit<HistoryEntry, 'appliedAt'>): Promise<void> {
  await client.query(
    `insert into ${schemaOf(client)}.migrations (name, checksum, applied_by, duration_ms, pgwarden_version) values ($1, $2, $3, $4, $5)`,
    [entry.name, entry.checksum, entry.appliedBy, Math.round(entry.durationMs), entry.pgwardenVersion],
  );
}

export async function removeApplied(client: PgClient, name: string): Promise<void> {
  await client.query(`delete from ${schemaOf(client)}.migrations where name = $1`, [name]);
}

/** Written (and committed) before a migration that runs outside a transaction starts. */
export async function startAttempt(client: PgClient, marker: Omit<AttemptMarker, 'startedAt' | 'statementsDone'>): Promise<void> {
  await client.query(
    `insert into ${schemaOf(client)}.migration_attempts (name, direction, checksum, started_by, statements_total) values ($1, $2, $3, $4, $5)`,
    [marker.name, marker.direction, marker.checksum, marker.startedBy, marker.statementsTotal],
  );
}

export async function progressAttempt(client: PgClient, name: string, statementsDone: number): Promise<void> {
  await client.query(`update ${schemaOf(client)}.migration_attempts set statements_done = $2 where name = $1`, [name, statementsDone]);
}

export async function finishAttempt(client: PgClient, name: string): Promise<void> {
  await client.query(`delete from ${schemaOf(client)}.migration_attempts where name = $1`, [name]);
}

/** umzug's UmzugStorage, spelled out: umzug's own declarations need @types/node, these must not. */
export interface HistoryStorage {
  executed(): Promise<string[]>;
  logMigration(params: { name: string }): Promise<void>;
  unlogMigration(params: { name: string }): Promise<void>;
}

/**
 * umzug's view of the history. The row itself is written by the migration inside its own transaction
 * (so it exists iff the migration committed); umzug calls logMigration after that commit, so here it only
 * confirms the row is there, and likewise for unlogMigration after a revert.
 */
export function historyStorage(client: PgClient): HistoryStorage {
  const has = async (name: string): Promise<boolean> => {
    const { rowCount } = await client.query(`select 1 from ${schemaOf(client)}.migrations where name = $1`, [name]);
    return (rowCount ?? 0) > 0;
  };
  return {
    async executed() {
      return (await readHistory(client)).map((e) => e.name);
    },
    async logMigration({ name }) {
      if (!(await has(name))) throw new Error(`migration ${name} ran but its history row is missing`);
    },
    async unlogMigration({ name }) {
      if (await has(name)) throw new Error(`migration ${name} was reverted but its history row is still there`);
    },
  };
}
