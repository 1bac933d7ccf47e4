import type { PgClient } from '../db/pg-types.js';
import { basename } from 'node:path';
import { compareNatural } from '../sql/discover.js';
import type { LoadedMigration } from './files.js';
import { RunnerUsageError } from './errors.js';

/** The tools whose history `migrate adopt --from` reads, and the table each keeps it in. */
export const ADOPT_SOURCES = ['prisma', 'golang-migrate', 'flyway', 'rails', 'knex', 'dbmate'] as const;
export type AdoptSource = (typeof ADOPT_SOURCES)[number];

const TABLES: Record<AdoptSource, string> = {
  prisma: '_prisma_migrations',
  'golang-migrate': 'schema_migrations',
  flyway: 'flyway_schema_history',
  rails: 'schema_migrations',
  knex: 'knex_migrations',
  dbmate: 'schema_migrations',
};

/** Other tools' history tables on the search_path that hold rows, with the tools that keep each. */
export async function otherToolHistories(client: PgClient): Promise<Array<{ table: string; tools: AdoptSource[] }>> {
  const out: Array<{ table: string; tools: AdoptSource[] }> = [];
  for (const table of new Set(Object.values(TABLES))) {
    const { rows } = await client.query<{ found: string | null }>('select to_regclass($1)::text as found', [table]);
    if (!rows[0].found) continue;
    // a table this role may not read is not one its runs could have written: no reason to stop
    const rowCount = await client.query(`select 1 from ${rows[0].found} limit 1`).then((r) => r.rowCount ?? 0, () => 0);
    if (rowCount > 0) out.push({ table: rows[0].found, tools: ADOPT_SOURCES.filter((s) => TABLES[s] === table) });
  }
  return out;
}

/** One file the other tool's history says is applied. */
export interface AdoptedEntry {
  file: LoadedMigration;
  appliedAt: Date | null;
  durationMs: number;
  /** The tool's row, as it names it (Flyway's script, Prisma's migration_name, a version). */
  recordedAs: string;
  /** The tool's checksum compared with the file's: null when the tool keeps none. */
  checksumMatches: boolean | null;
}

export interface ForeignHistory {
  table: string;
  applied: AdoptedEntry[];
  /** What the tool lists as applied that has no file here (not recorded). */
  unmatched: string[];
}

/** Reads the other tool's history table (found on the search_path) and matches its rows to the files. */
export async function readForeignHistory(client: PgClient, source: AdoptSource, files: readonly LoadedMigration[]): Promise<ForeignHistory> {
  const table = TABLES[source];
  const { rows } = await client.query<{ found: string | null }>('select to_regclass($1)::text as found', [table]);
  if (!rows[0].found) throw new RunnerUsageError(`no ${table} table on the search_path: is this database migrated by ${source}? (use --schema or a URL with options=-c search_path=… if it lives elsewhere)`);
  const qualified = rows[0].found;
  switch (source) {
    case 'prisma':
      return { table: qualified, ...(await prisma(client, qualified, files)) };
    case 'flyway':
      return { table: qualified, ...(await flyway(client, qualified, files)) };
    case 'knex':
      return { table: qualified, ...(await knex(client, qualified, files)) };
    case 'golang-migrate':
      return { table: qualified, ...(await golangMigrate(client, qualified, files)) };
    default:
      return { table: qualified, ...(await versionList(client, qualified, files)) };
  }
}

type Matched = Omit<ForeignHistory, 'table'>;

/** `_prisma_migrations`: finished, not rolled back; its checksum is the sha256 of migration.sql, as ours. */
async function prisma(client: PgClient, table: string, files: readonly LoadedMigration[]): Promise<Matched> {
  const { rows } = await client.query<{ migration_name: string; checksum: string; started_at: Date; finished_at: Date }>(
    `select migration_name, checksum, started_at, finished_at from ${table} where finished_at is not null and rolled_back_at is null order by finished_at, migration_name`,
  );
  const byName = new Map(files.map((f) => [f.name, f]));
  return collect(rows, (r) => r.migration_name, (r) => byName.get(r.migration_name), (r, f) => ({
    appliedAt: r.finished_at,
    durationMs: Math.max(0, r.finished_at.getTime() - r.started_at.getTime()),
    checksumMatches: r.checksum === f.checksum,
  }));
}

/** `flyway_schema_history`: successful rows by script; a BASELINE row covers the versions up to its own. */
async function flyway(client: PgClient, table: string, files: readonly LoadedMigration[]): Promise<Matched> {
  const { rows } = await client.query<{ version: string | null; script: string; checksum: number | null; installed_on: Date; execution_time: number; type: string }>(
    `select version, script, checksum, installed_on, execution_time, type from ${table} where success order by installed_rank`,
  );
  const byScript = new Map(files.map((f) => [basename(f.path), f]));
  const out = collect(rows.filter((r) => r.type !== 'BASELINE'), (r) => r.script, (r) => byScript.get(r.script), (r, f) => ({
    appliedAt: r.installed_on,
    durationMs: r.execution_time,
    checksumMatches: r.checksum === null ? null : r.checksum === flywayChecksum(f.text),
  }));
  for (const b of rows.filter((r) => r.type === 'BASELINE' && r.version !== null)) {
    for (const f of files) {
      const v = /^V([^_]+)__/.exec(basename(f.path))?.[1];
      if (v && compareNatural(v, b.version!) <= 0 && !out.applied.some((a) => a.file === f)) {
        out.applied.push({ file: f, appliedAt: b.installed_on, durationMs: 0, recordedAs: `baseline ${b.version}`, checksumMatches: null });
      }
    }
  }
  return out;
}

/** `knex_migrations`: file names with their extension (.js, .ts, .sql). */
async function knex(client: PgClient, table: string, files: readonly LoadedMigration[]): Promise<Matched> {
  const { rows } = await client.query<{ name: string; migration_time: Date | null }>(`select name, migration_time from ${table} order by id`);
  const byName = new Map(files.map((f) => [f.name, f]));
  return collect(rows, (r) => r.name, (r) => byName.get(r.name.replace(/\.[^.]+$/, '').replace(/\.up$/, '')) ?? byVersion(files, leadingVersion(r.name)), (r) => ({
    appliedAt: r.migration_time,
    durationMs: 0,
    checksumMatches: null,
  }));
}

/** golang-migrate keeps only the last version (and whether it stopped halfway): every file up to it is applied. */
async function golangMigrate(client: PgClient, table: string, files: readonly LoadedMigration[]): Promise<Matched> {
  const { rows } = await client.query<{ version: string; dirty: boolean }>(`select version::text as version, dirty from ${table}`);
  if (rows.length === 0) return { applied: [], unmatched: [] };
  const { version, dirty } = rows[0];
  if (dirty) throw new RunnerUsageError(`${table} says version ${version} is dirty (it failed halfway): put the database in order and run \`migrate force\` with golang-migrate first; nothing was recorded`);
  const applied = files
    .filter((f) => {
      const v = leadingVersion(f.name);
      return v !== undefined && compareNatural(v, version) <= 0;
    })
    .map((file) => ({ file, appliedAt: null, durationMs: 0, recordedAs: `version ≤ ${version}`, checksumMatches: null }));
  return { applied, unmatched: byVersion(files, version) ? [] : [version] };
}

/** dbmate and Rails: one row per applied version. */
async function versionList(client: PgClient, table: string, files: readonly LoadedMigration[]): Promise<Matched> {
  const { rows } = await client.query<{ version: string }>(`select version::text as version from ${table} order by version`);
  return collect(rows, (r) => r.version, (r) => byVersion(files, r.version), () => ({ appliedAt: null, durationMs: 0, checksumMatches: null }));
}

function collect<R>(rows: R[], nameOf: (r: R) => string, fileOf: (r: R) => LoadedMigration | undefined, detail: (r: R, f: LoadedMigration) => Omit<AdoptedEntry, 'file' | 'recordedAs'>): Matched {
  const applied: AdoptedEntry[] = [];
  const unmatched: string[] = [];
  for (const r of rows) {
    const f = fileOf(r);
    if (!f) unmatched.push(nameOf(r));
    else if (!applied.some((a) => a.file === f)) applied.push({ file: f, recordedAs: nameOf(r), ...detail(r, f) });
  }
  return { applied, unmatched };
}

/** The digits a migration's name starts with (`20240101120000_users` → `20240101120000`). */
function leadingVersion(name: string): string | undefined {
  return /^(\d+)/.exec(name)?.[1];
}

function byVersion(files: readonly LoadedMigration[], version: string | undefined): LoadedMigration | undefined {
  if (version === undefined) return undefined;
  return files.find((f) => leadingVersion(f.name) !== undefined && compareNatural(leadingVersion(f.name)!, version) === 0);
}

/**
 * Flyway's checksum of a SQL migration: CRC32 over the UTF-8 bytes of each line without its line
 * ending (a BOM dropped), as a signed 32-bit integer.
 */
export function flywayChecksum(text: string): number {
  let crc = 0xffffffff;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  // a final line ending does not make an empty last line for a line reader
  if (lines.length > 1 && lines.at(-1) === '') lines.pop();
  for (const line of lines) for (const byte of Buffer.from(line, 'utf8')) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) | 0;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
