import { rm, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { PgClient } from '../db/pg-types.js';
import type { RunLogger } from '../runner/hooks.js';
import { HISTORY_SCHEMA } from '../runner/history.js';
import { pgwardenVersion } from '../version.js';
import { archiveContents, dumpDatabase, selectEntries, sha256File } from './archive.js';
import { readCatalog, type Catalog } from './catalog.js';
import { dumpPath, formatBytes, listBackups, listIncompleteBackups, newBackupId, prepareBackupDir, removeBackupFiles, writeManifest, type BackupManifest } from './backup-store.js';
import { BackupError } from './errors.js';
import { tableKeyOf, type TableName } from './names.js';
import { choosePgTools } from './pg-client.js';
import { redactUrl, type PgTools } from './pg-tools.js';
import { dropSnapshot, takeSnapshot } from './snapshot.js';
import { countRows, serverVersion, tableBytes, tableExists, tableFingerprint, tablesHoldingRows, userTables, type Fingerprint } from './tables.js';

export type BackupMode = 'targeted' | 'full' | 'snapshot' | 'none';

export interface BackupRequest {
  client: PgClient;
  databaseUrl: string;
  mode: Exclude<BackupMode, 'none'>;
  backupDir: string;
  pgDumpPath?: string;
  /** Migrations about to run (names). */
  migrations: string[];
  tablesAtRisk: TableName[];
  /** Above this many rows (planner estimate) a table is neither counted exactly nor checksummed. */
  verifyMaxRows: number;
  log: RunLogger;
  /** Back up (and record the catalog of) these schemas only; default the whole database. */
  schemas?: readonly string[];
  /** The run's history schema, recorded when it is not pgwarden's default (a tenant's). */
  historySchema?: string;
}

export interface Backup {
  manifest: BackupManifest;
  /** Absolute or relative path of the dump (pg_dump engine). */
  file?: string;
  catalog: Catalog;
  /** Fingerprints of the tables at risk when the backup was taken (null: too large to checksum). */
  fingerprints: Map<string, Fingerprint | null>;
  /** The pg_dump/pg_restore pair chosen for this server (pg_dump engine): restores use the same. */
  tools?: PgTools;
}

/**
 * Takes the backup a run starts from, and proves it usable (pg_restore --list) before anything is
 * applied. Throws BackupError, one line, when it cannot.
 */
export async function takeBackup(request: BackupRequest): Promise<Backup> {
  const { client, mode, log } = request;
  const server = await serverVersion(client);
  const chosen = mode === 'snapshot' ? undefined : await choosePgTools(server, request.pgDumpPath);
  if (chosen?.note) log.info('backup.client', { pgDump: chosen.pgDump, version: chosen.version, message: chosen.note });
  const pgDumpVersion = chosen?.version;

  const atRisk: TableName[] = [];
  for (const t of request.tablesAtRisk) {
    if (!(await tableExists(client, t))) continue;
    for (const holder of await tablesHoldingRows(client, t)) if (!atRisk.some((a) => tableKeyOf(a) === tableKeyOf(holder))) atRisk.push(holder);
  }
  const estimate = mode === 'full' ? await databaseBytes(client) : (await Promise.all(atRisk.map((t) => tableBytes(client, t)))).reduce((a, b) => a + b, 1 << 20);
  if (mode !== 'snapshot') await prepareBackupDir(request.backupDir, estimate);
  else await prepareBackupDir(request.backupDir, 1 << 16);

  const id = newBackupId();
  const catalog = await readCatalog(client, request.schemas);
  const tables: BackupManifest['tables'] = [];
  const fingerprints = new Map<string, Fingerprint | null>();
  for (const table of atRisk) {
    const count = await countRows(client, table, request.verifyMaxRows);
    const fingerprint = count.exact ? await tableFingerprint(client, table) : null;
    fingerprints.set(tableKeyOf(table), fingerprint);
    tables.push({
      name: tableKeyOf(table),
      rows: fingerprint?.rows ?? count.rows ?? 0,
      exact: count.exact,
      ...(fingerprint ? { checksum: fingerprint.checksum } : {}),
      bytes: await tableBytes(client, table),
    });
  }
  const base: BackupManifest = {
    format: 1,
    id,
    engine: mode === 'snapshot' ? 'snapshot' : 'pg_dump',
    mode,
    createdAt: new Date().toISOString(),
    database: redactUrl(request.databaseUrl),
    serverVersion: server.text,
    pgwardenVersion: pgwardenVersion(),
    ...(pgDumpVersion ? { pgDumpVersion } : {}),
    migrations: request.migrations,
    tables,
    ...(request.schemas ? { schemas: [...request.schemas] } : {}),
    ...(request.historySchema && request.historySchema !== HISTORY_SCHEMA ? { historySchema: request.historySchema } : {}),
    catalog,
  };
  const what = tables.length > 0 ? `data of ${tables.map((t) => t.name).join(', ')}` : 'no table at risk';
  log.info('backup.start', {
    id,
    mode,
    tables: tables.map((t) => t.name),
    estimate: formatBytes(estimate),
    message: `taking backup ${id} (${mode}: ${mode === 'full' ? 'whole database' : mode === 'snapshot' ? `in-database copies, ${what}` : `whole schema, ${what}`})`,
  });
  const figures = tables.map((t) => `${t.name} ${t.exact ? '' : '~'}${t.rows} rows`).join(', ');

  if (mode === 'snapshot') {
    const copies = await takeSnapshot(client, id, atRisk);
    for (const t of tables) t.snapshotTable = tableKeyOf(copies.get(t.name)!);
    await writeManifest(request.backupDir, base);
    log.info('backup.created', {
      id,
      engine: 'snapshot',
      tables: tables.map((t) => `${t.name} (${t.rows} rows) → ${t.snapshotTable}`),
      message: `backup ${id} taken in schema pgwarden_backup${figures ? `: ${figures}` : ''}`,
    });
    return { manifest: base, catalog, fingerprints };
  }

  const file = dumpPath(request.backupDir, id);
  const tools = chosen!;
  try {
    await dumpDatabase({
      tools,
      databaseUrl: request.databaseUrl,
      file,
      dataOf: mode === 'full' ? 'all' : atRisk,
      allTables: await userTables(client, request.schemas),
      schemas: request.schemas,
    });
  } catch (error) {
    throw new BackupError(`backup failed, nothing was applied: ${(error as Error).message}`);
  }
  const toc = await archiveContents(tools, file);
  const missingData = atRisk.filter((t) => selectEntries(toc, [{ desc: 'TABLE DATA', schema: t.schema, tag: t.name }]).length === 0);
  if (missingData.length > 0) {
    throw new BackupError(`backup ${file} lacks the data of ${missingData.map(tableKeyOf).join(', ')}; nothing was applied`);
  }
  // the catalog last: it is long, and people read manifests top down
  const { catalog: _catalog, ...head } = base;
  const manifest: BackupManifest = {
    ...head,
    dumpFile: basename(file),
    dumpBytes: (await stat(file)).size,
    sha256: await sha256File(file),
    catalog,
  };
  await writeManifest(request.backupDir, manifest);
  log.info('backup.created', {
    id,
    file,
    size: formatBytes(manifest.dumpBytes ?? 0),
    entries: toc.length,
    tables: tables.map((t) => `${t.name} (${t.exact ? '' : '~'}${t.rows} rows)`),
    message: `backup ${id} taken: ${file} (${formatBytes(manifest.dumpBytes ?? 0)}, ${toc.length} archive entries readable)${figures ? `; ${figures}` : ''}`,
  });
  return { manifest, file, catalog, fingerprints, tools: { pgDump: tools.pgDump, pgRestore: tools.pgRestore, ...(tools.olderServer ? { olderServer: tools.olderServer } : {}) } };
}

async function databaseBytes(client: PgClient): Promise<number> {
  const r = await client.query<{ n: string }>(`SELECT pg_database_size(current_database())::text AS n`);
  return Number(r.rows[0].n);
}

/**
 * Keeps the newest `keep` backups. A snapshot backup's copies live in the database, so pruning one
 * needs a connection; without one its files stay until the next pruning that has one.
 */
export async function pruneBackups(dir: string, keep: number, client: PgClient | undefined, log: RunLogger): Promise<string[]> {
  const all = await listBackups(dir);
  const old = all.slice(0, Math.max(0, all.length - keep));
  const removed: string[] = [];
  for (const manifest of old) {
    if (manifest.engine === 'snapshot') {
      if (!client) continue;
      const copies = manifest.tables.flatMap((t) => (t.snapshotTable ? [t.snapshotTable] : []));
      await dropSnapshot(client, copies.map((c) => ({ schema: c.slice(0, c.indexOf('.')), name: c.slice(c.indexOf('.') + 1) })));
    }
    await removeBackupFiles(dir, manifest);
    removed.push(manifest.id);
  }
  // a dump without a manifest whose writing stopped before the newest backup began: its runner is gone
  const newest = all.at(-1);
  if (newest) {
    for (const partial of await listIncompleteBackups(dir)) {
      if (partial.modified.getTime() >= new Date(newest.createdAt).getTime()) continue;
      await rm(partial.file, { force: true });
      removed.push(`${partial.id} (incomplete)`);
    }
  }
  if (removed.length > 0) log.info('backup.pruned', { removed, keep, message: `pruned backup${removed.length > 1 ? 's' : ''} ${removed.join(', ')} (keeping ${keep})` });
  return removed;
}
