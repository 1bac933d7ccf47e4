import { writeFile } from 'node:fs/promises';
import type { ClientBase } from 'pg';
import type { RunLogger } from '../runner/hooks.js';
import { archiveContents, selectEntries, tocPatterns } from './archive.js';
import type { RowImage } from './before-images.js';
import { describeObject, dropStatements, objectKey, readCatalog, type Catalog, type CatalogObject } from './catalog.js';
import { qualified, quoteIdent, tableKeyOf } from './names.js';
import { runTool, type PgTools } from './pg-tools.js';

/**
 * Stage 5 of the safety net, for a migration that failed outside a transaction: undo exactly what its
 * committed statements did — put back the rows they changed from their before-images, delete the rows
 * they inserted, drop the objects they created, re-create the objects they dropped — and nothing else.
 * Rows the application changed again since are reported and left as they are (their before-image is
 * kept), objects the application created stay, sequences are never moved backwards.
 */
export interface StatementChanges {
  /** 1-based position and line of the statement, for the report. */
  statement: number;
  line: number;
  images: RowImage[];
  created: CatalogObject[];
  dropped: CatalogObject[];
  retyped: Array<CatalogObject & { now?: string }>;
}

export interface UndoRequest {
  client: ClientBase;
  databaseUrl: string;
  /** In the order the statements ran. */
  changes: StatementChanges[];
  /** Where dropped objects come back from (pg_dump engine); without it they are reported, not re-created. */
  archive?: { tools: PgTools; file: string };
  /** The catalog before the migration: sequences must be at or past it, objects must match it. */
  before: Catalog;
  schemas?: readonly string[];
  log: RunLogger;
}

export interface UndoReport {
  ok: boolean;
  rows: string[];
  /** Rows the application changed after the migration did: kept as they are, both versions reported. */
  conflicts: string[];
  dropped: string[];
  recreated: string[];
  /** What differs from before the migration and is not explained by another session's new objects. */
  differences: string[];
  /** Objects created meanwhile by other sessions: kept. */
  keptMeanwhile: string[];
}

function step(log: RunLogger, text: string): void {
  log.info('restore.step', { step: text, message: `restore: ${text}` });
}

async function writableColumns(client: ClientBase, table: RowImage['table']): Promise<string[]> {
  const r = await client.query<{ name: string }>(
    `SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`,
    [qualified(table)],
  );
  return r.rows.map((c) => c.name);
}

/** Undoes one image: returns the lines of the report. */
async function undoImage(client: ClientBase, image: RowImage, where: string): Promise<{ rows: string; conflicts: string[] }> {
  const t = qualified(image.table);
  const match = (a: string, b: string) => image.key.map((k) => `${a}.${quoteIdent(k)} = ${b}.${quoteIdent(k)}`).join(' AND ');
  const keys = image.key.map((k) => `a.${quoteIdent(k)}`).join(', ');
  // rows still exactly as the statement left them (or still absent when it deleted them) are ours to undo
  await client.query(`CREATE TEMP TABLE pgwarden_undo ON COMMIT DROP AS
      SELECT ${keys}, a.inserted FROM ${qualified(image.after)} a LEFT JOIN ${t} t ON ${match('a', 't')}
       WHERE (a.hash IS NULL AND t IS NULL) OR md5(t::text) = a.hash`);
  const conflicts = await client.query<{ k: string; inserted: boolean; now: boolean }>(
    `SELECT row(${keys})::text AS k, a.inserted, t IS NOT NULL AS now FROM ${qualified(image.after)} a LEFT JOIN ${t} t ON ${match('a', 't')}
      WHERE NOT EXISTS (SELECT 1 FROM pg_temp.pgwarden_undo u WHERE ${match('u', 'a')}) ORDER BY 1 LIMIT 20`,
  );
  const removed = (await client.query(`DELETE FROM ${t} t USING pg_temp.pgwarden_undo u WHERE ${match('u', 't')}`)).rowCount ?? 0;
  const columns = (await writableColumns(client, image.table)).map(quoteIdent).join(', ');
  const put = (
    await client.query(
      `INSERT INTO ${t} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM ${qualified(image.before)} i WHERE EXISTS (SELECT 1 FROM pg_temp.pgwarden_undo u WHERE ${match('u', 'i')} AND NOT u.inserted)`,
    )
  ).rowCount ?? 0;
  await client.query('DROP TABLE pg_temp.pgwarden_undo');
  const key = tableKeyOf(image.table);
  return {
    rows: `rows of ${key} changed by ${where}: ${put} put back, ${removed - put} inserted by it removed`,
    conflicts: conflicts.rows.map(
      (c) =>
        `${key} row ${c.k}: changed by the application after ${where} (${c.now ? 'its current version' : 'deleted since; nothing'} kept in the table${c.inserted ? '' : `, the version before the migration kept in ${tableKeyOf(image.before)}`})`,
    ),
  };
}

export async function undoMigration(request: UndoRequest): Promise<UndoReport> {
  const { client, log, changes } = request;
  const report: UndoReport = { ok: true, rows: [], conflicts: [], dropped: [], recreated: [], differences: [], keptMeanwhile: [] };
  // What the migration as a whole created and dropped (an object it created and dropped again is neither).
  const created = new Map<string, CatalogObject>();
  const dropped = new Map<string, CatalogObject>();
  for (const c of changes) {
    for (const o of c.created) dropped.has(objectKey(o)) ? dropped.delete(objectKey(o)) : created.set(objectKey(o), o);
    for (const o of c.dropped) created.has(objectKey(o)) ? created.delete(objectKey(o)) : dropped.set(objectKey(o), o);
  }

  await client.query('BEGIN');
  try {
    const superuser = (await client.query<{ s: boolean }>(`SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user`)).rows[0]?.s;
    // the rows go back as they were, without firing the application's triggers or FK actions again
    if (superuser) await client.query(`SET LOCAL session_replication_role = replica`);
    for (const c of [...changes].reverse()) {
      for (const col of c.retyped) {
        const sql = `ALTER TABLE ${quoteIdent(col.schema)}.${quoteIdent(col.table ?? '')} ALTER COLUMN ${quoteIdent(col.name)} TYPE ${col.detail} USING ${quoteIdent(col.name)}::${col.detail}`;
        step(log, sql);
        await client.query(sql);
      }
      for (const image of [...c.images].reverse()) {
        const done = await undoImage(client, image, `statement ${c.statement} (line ${c.line})`);
        step(log, done.rows);
        report.rows.push(done.rows);
        report.conflicts.push(...done.conflicts);
      }
    }
    const drops = dropStatements([...created.values()]);
    for (const sql of drops) {
      step(log, sql);
      await client.query(sql);
    }
    report.dropped.push(...[...created.values()].map(describeObject));
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }

  const missing = [...dropped.values()].filter((o) => o.kind !== 'column' || !dropped.has(objectKey({ kind: 'table', schema: o.schema, name: o.table ?? '' })));
  if (missing.length > 0 && request.archive) {
    const toc = await archiveContents(request.archive.tools, request.archive.file);
    const entries = selectEntries(toc, missing.flatMap(tocPatterns));
    const listFile = `${request.archive.file}.undo-${Date.now()}.list`;
    await writeFile(listFile, entries.join('\n') + '\n', { mode: 0o600 });
    step(log, `pg_restore ${entries.length} archive entries to re-create ${missing.map(describeObject).join(', ')}`);
    await runTool(request.archive.tools.pgRestore, ['--no-password', '--single-transaction', '--exit-on-error', `--use-list=${listFile}`, request.archive.file], { databaseUrl: request.databaseUrl });
    report.recreated.push(...missing.map(describeObject));
  } else if (missing.length > 0) {
    report.differences.push(...missing.map((o) => `not re-created (no archive): ${describeObject(o)}`));
  }

  await compareCatalog(request, created, report);
  report.ok = report.differences.length === 0;
  return report;
}

/** Every difference from before the migration; what other sessions created meanwhile is kept and said so. */
async function compareCatalog(request: UndoRequest, created: Map<string, CatalogObject>, report: UndoReport): Promise<void> {
  const now = await readCatalog(request.client, request.schemas);
  const had = new Map(request.before.objects.map((o) => [objectKey(o), o]));
  const has = new Map(now.objects.map((o) => [objectKey(o), o]));
  for (const [key, o] of has) {
    if (had.has(key)) {
      const old = had.get(key)!;
      if (o.kind === 'column' && old.detail !== o.detail) report.differences.push(`changed ${describeObject(old)} → ${o.detail}`);
      continue;
    }
    if (created.has(key)) report.differences.push(`still there: ${describeObject(o)} (created by the migration)`);
    else report.keptMeanwhile.push(describeObject(o));
  }
  for (const [key, o] of had) if (!has.has(key)) report.differences.push(`missing ${describeObject(o)}`);
  for (const [name, value] of Object.entries(request.before.sequences)) {
    const current = now.sequences[name];
    if (!(name in now.sequences)) continue;
    // a sequence is never set back: ids the application drew meanwhile stay used
    if (value !== null && (current === null || BigInt(current) < BigInt(value))) report.differences.push(`sequence ${name} at ${current ?? 'its start'}, behind its position before (${value})`);
  }
}
