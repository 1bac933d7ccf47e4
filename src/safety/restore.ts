import { writeFile } from 'node:fs/promises';
import pg from 'pg';
import type { PgClient } from '../db/pg-types.js';
import type { RunLogger } from '../runner/hooks.js';
import { withLibpqSslModes } from '../db/connect.js';
import { archiveContents, firstDifference, liveSchemaDump, selectEntries, tocPatterns } from './archive.js';
import { describeObject, diffCatalogs, dropStatements, readCatalog, type Catalog, type CatalogObject } from './catalog.js';
import { copyTableFromArchive } from './copy.js';
import { RestoreError } from './errors.js';
import { tableFromKey, qualified, quoteLiteral, tableKeyOf, type TableName } from './names.js';
import { manualRestoreCommand, restoreIntoDatabase, runTool, type PgTools } from './pg-tools.js';
import { copyTableFromSnapshot, recreateFromSnapshot } from './snapshot.js';
import { tableExists, tableFingerprint, type Fingerprint } from './tables.js';

export type RestoreSource =
  | { engine: 'pg_dump'; tools: PgTools; file: string }
  | { engine: 'snapshot'; copies: Map<string, TableName> };

export interface RestoreTable {
  table: TableName;
  /** Whether the table existed at the restore point (one that did not is dropped, not refilled). */
  exists: boolean;
  /** null for a table too large to checksum (above verifyMaxRows): its rows are put back unchecked. */
  fingerprint: Fingerprint | null;
}

/** The state a restore returns the database to. */
export interface RestorePoint {
  catalog: Catalog;
  /** Tables whose rows are put back, when they existed, with the fingerprint they must have afterwards. */
  tables: RestoreTable[];
  /** Normalized `pg_dump --schema-only` to compare with afterwards (pg_dump engine only). */
  schemaDump?: string;
}

export interface TableOutcome {
  table: string;
  /** null when the table did not exist, or was too large to checksum. */
  expected: Fingerprint | null;
  actual: Fingerprint | null;
  ok: boolean;
}

export interface RestoreReport {
  ok: boolean;
  dropped: string[];
  recreated: string[];
  tables: TableOutcome[];
  /** null when no schema dump was compared (snapshot engine). */
  schemaIdentical: boolean | null;
  schemaDifference?: string;
  /** Catalog objects that still differ from the restore point. */
  differences: string[];
}

export interface RestoreRequest {
  databaseUrl: string;
  source: RestoreSource;
  target: RestorePoint;
  log: RunLogger;
  /** Restore within these schemas only (what the backup covers); default the whole database. */
  schemas?: readonly string[];
}

/**
 * Returns the database to a restore point: drops what was created since, re-creates what was
 * removed (from the archive), puts back the rows of the tables at risk, then checks the result
 * against the restore point. Every step is logged. Throws RestoreError (with the command to finish
 * by hand) when a step fails; returns a report with ok=false when the result does not match.
 */
export async function restoreDatabase(request: RestoreRequest): Promise<RestoreReport> {
  const client = new pg.Client({ connectionString: withLibpqSslModes(request.databaseUrl) });
  await client.connect();
  try {
    return await restoreWith(client, request);
  } catch (error) {
    if (error instanceof RestoreError) throw error;
    const manual = await manualInstructions(request).catch(() => undefined);
    request.log.error('restore.failed', {
      error: (error as Error).message,
      manual,
      message: `restore failed: ${(error as Error).message}; the backup is kept${manual ? `; to finish by hand: ${manual}` : ''}`,
    });
    throw new RestoreError(`restore failed: ${(error as Error).message}; the backup is kept`, manual);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function restoreWith(client: PgClient, request: RestoreRequest): Promise<RestoreReport> {
  const { source, target, log } = request;
  const targetKeys = new Set(target.tables.filter((t) => t.exists).map((t) => tableKeyOf(t.table)));
  let diff = diffCatalogs(target.catalog, await readCatalog(client, request.schemas));

  // 1. Tables at risk whose shape changed cannot take their old rows back: rebuild them from the archive.
  const reshaped = new Set<string>();
  for (const o of [...diff.missing, ...diff.changed]) {
    const key = `${o.schema}.${o.kind === 'table' ? o.name : (o.table ?? '')}`;
    if ((o.kind === 'table' || o.kind === 'column') && targetKeys.has(key)) reshaped.add(key);
  }
  if (source.engine === 'pg_dump') {
    for (const key of reshaped) {
      const table = target.tables.find((t) => tableKeyOf(t.table) === key)!.table;
      if (await tableExists(client, table)) {
        step(log, 'info', `drop ${key} to rebuild it from the backup (its columns changed)`);
        await client.query(`DROP TABLE ${qualified(table)} CASCADE`);
      }
    }
  }

  // 2. Drop what was created since the restore point.
  diff = diffCatalogs(target.catalog, await readCatalog(client, request.schemas));
  const addedTables = new Set(diff.added.filter((o) => o.kind === 'table').map((o) => `${o.schema}.${o.name}`));
  const dropped = diff.added.filter((o) => !(o.table && addedTables.has(`${o.schema}.${o.table}`))).map(describeObject);
  const drops = dropStatements(diff.added);
  if (drops.length > 0) {
    await inTransaction(client, async () => {
      for (const sql of drops) {
        step(log, 'info', sql);
        await client.query(sql);
      }
    });
  }

  // 3. Re-create what was removed.
  diff = diffCatalogs(target.catalog, await readCatalog(client, request.schemas));
  const recreated: string[] = [];
  const rowsRestored = new Set<string>();
  const missing = diff.missing.filter((o) => o.kind !== 'column');
  if (missing.length > 0 && source.engine === 'pg_dump') {
    const toc = await archiveContents(source.tools, source.file);
    const entries = selectEntries(toc, missing.flatMap(tocPatterns));
    const listFile = `${source.file}.restore-${Date.now()}.list`;
    await writeFile(listFile, entries.join('\n') + '\n', { mode: 0o600 });
    const how = source.tools.olderServer ? `, as SQL through psql without SET ${source.tools.olderServer.unknownSettings.join(', ')} (pg_restore is newer than the server)` : '';
    step(log, 'info', `pg_restore ${entries.length} archive entries to re-create ${missing.map(describeObject).join(', ')}${how}`);
    await restoreIntoDatabase(source.tools, ['--no-password', '--single-transaction', '--exit-on-error', `--use-list=${listFile}`, source.file], request.databaseUrl);
    recreated.push(...missing.map(describeObject));
    for (const o of missing) if (o.kind === 'table') rowsRestored.add(`${o.schema}.${o.name}`);
  } else if (missing.length > 0 && source.engine === 'snapshot') {
    for (const o of missing.filter((m) => m.kind === 'table' && targetKeys.has(`${m.schema}.${m.name}`))) {
      const copy = source.copies.get(`${o.schema}.${o.name}`);
      if (!copy) continue;
      step(log, 'warn', `re-create ${o.schema}.${o.name} from its snapshot: columns only, without indexes, keys or defaults`);
      await recreateFromSnapshot(client, copy, { schema: o.schema, name: o.name });
      recreated.push(describeObject(o));
    }
  }

  // 4. Put back the rows of the tables at risk, all in one transaction.
  const reload = target.tables.filter((t) => t.exists && !rowsRestored.has(tableKeyOf(t.table)));
  if (reload.length > 0) {
    const superuser = (await client.query<{ s: boolean }>(`SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user`)).rows[0]?.s;
    await inTransaction(client, async () => {
      // Without FK and user triggers: the rows go back exactly as they were, not as side effects see them.
      if (superuser) await client.query(`SET LOCAL session_replication_role = replica`);
      for (const { table } of reload) {
        const key = tableKeyOf(table);
        const deleted = (await client.query(`DELETE FROM ${qualified(table)}`)).rowCount ?? 0;
        const copied =
          source.engine === 'pg_dump'
            ? await copyTableFromArchive(client, source.tools, source.file, table)
            : await copyTableFromSnapshot(client, requiredCopy(source.copies, key), table);
        step(log, 'info', `rows of ${key}: removed ${deleted}, put back ${copied} from the backup`);
      }
    });
  }

  // 5. Sequences back to where they were.
  const sequencesNow = (await readCatalog(client, request.schemas)).sequences;
  for (const [key, value] of Object.entries(target.catalog.sequences)) {
    if (!(key in sequencesNow) || sequencesNow[key] === value) continue;
    const seq = tableFromKey(key);
    step(log, 'info', `sequence ${key} back to ${value ?? 'its start'}`);
    if (value === null) await client.query(`ALTER SEQUENCE ${qualified(seq)} RESTART`);
    else await client.query(`SELECT setval(${quoteLiteral(qualified(seq))}::regclass, ${value}::bigint, true)`);
  }

  // 6. Check the result against the restore point.
  const after = diffCatalogs(target.catalog, await readCatalog(client, request.schemas));
  const differences = [
    ...after.added.map((o) => `unexpected ${describeObject(o)}`),
    ...after.missing.map((o) => `missing ${describeObject(o)}`),
    ...after.changed.map((o) => `changed ${describeObject(o)}`),
  ];
  const tables: TableOutcome[] = [];
  for (const t of target.tables) {
    const actual = await tableFingerprint(client, t.table);
    const ok = !t.exists ? actual === null : t.fingerprint ? sameFingerprint(t.fingerprint, actual) : actual !== null;
    tables.push({ table: tableKeyOf(t.table), expected: t.fingerprint, actual, ok });
  }
  let schemaIdentical: boolean | null = null;
  let schemaDifference: string | undefined;
  if (target.schemaDump !== undefined && source.engine === 'pg_dump') {
    const now = await liveSchemaDump(source.tools, request.databaseUrl, request.schemas);
    schemaDifference = firstDifference(target.schemaDump, now) ?? undefined;
    schemaIdentical = schemaDifference === undefined;
  }
  const tablesOk = tables.every((t) => t.ok);
  return {
    ok: differences.length === 0 && tablesOk && schemaIdentical !== false,
    dropped,
    recreated,
    tables,
    schemaIdentical,
    schemaDifference,
    differences,
  };
}

export function sameFingerprint(a: Fingerprint | null, b: Fingerprint | null): boolean {
  return a === null ? b === null : b !== null && a.rows === b.rows && a.checksum === b.checksum;
}

/** Every restore step is logged: a restore never runs silently. */
function step(log: RunLogger, level: 'info' | 'warn', text: string, extra: Record<string, unknown> = {}): void {
  log[level]('restore.step', { step: text, ...extra, message: `restore: ${text}` });
}

function requiredCopy(copies: Map<string, TableName>, key: string): TableName {
  const copy = copies.get(key);
  if (!copy) throw new Error(`the snapshot holds no copy of ${key}`);
  return copy;
}

async function inTransaction(client: PgClient, work: () => Promise<void>): Promise<void> {
  await client.query('BEGIN');
  try {
    await work();
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** What a DBA runs to finish by hand: pg_restore of the tables at risk (with their indexes and keys). */
async function manualInstructions(request: RestoreRequest): Promise<string> {
  const { source, target } = request;
  if (source.engine === 'snapshot') {
    const copies = [...source.copies.entries()].map(([key, copy]) => `${key} from ${tableKeyOf(copy)}`).join(', ');
    return `the rows are kept in schema pgwarden_backup (${copies}): DELETE the table's rows and INSERT … SELECT from its copy`;
  }
  const toc = await archiveContents(source.tools, source.file);
  const tables = target.tables.filter((t) => t.exists).map((t) => t.table);
  const keys = new Set(tables.map(tableKeyOf));
  const related: CatalogObject[] = target.catalog.objects.filter(
    (o) => (o.kind === 'table' && keys.has(`${o.schema}.${o.name}`)) || (o.table !== undefined && o.kind !== 'column' && keys.has(`${o.schema}.${o.table}`)),
  );
  const listFile = `${source.file}.manual.list`;
  await writeFile(listFile, selectEntries(toc, related.flatMap(tocPatterns)).join('\n') + '\n', { mode: 0o600 });
  return manualRestoreCommand(source.tools, request.databaseUrl, ['--clean', '--if-exists', '--single-transaction', `--use-list=${listFile}`, source.file]);
}
