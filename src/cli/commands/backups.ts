import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { connect, resolveConnection, ConnectionError, redactUrl } from '../../db/index.js';
import { createConsoleLogger } from '../../runner/logger.js';
import { rewindHistory, type Rewound } from '../../runner/journal.js';
import { useHistorySchema } from '../../runner/history.js';
import { listBackups, listIncompleteBackups, readManifest, restoreBackup, DEFAULT_BACKUP_DIR, type BackupManifest, type IncompleteBackup, type RestoreReport } from '../../safety/index.js';
import { formatBytes } from '../../safety/backup-store.js';
import { UserError, EXIT_FINDINGS, EXIT_OK } from '../errors.js';
import { fromConfigDir, projectConfigFile } from '../project-paths.js';

interface ListFlags {
  backupDir: string;
  format: string;
}

interface RestoreFlags {
  backupDir: string;
  databaseUrl?: string;
  pgDump?: string;
  yes?: boolean;
  otherDatabase?: boolean;
}

export function registerBackups(program: Command): void {
  const backups = program.command('backups').description('List and restore the backups taken before migrations.');
  backups
    .command('list')
    .description('List backups, oldest first.')
    .option('--backup-dir <dir>', 'where backups are kept', DEFAULT_BACKUP_DIR)
    .option('-f, --format <format>', 'text or json', 'text')
    .action(async (flags: ListFlags) => {
      await anchorBackupDir(flags);
      const all = await listBackups(flags.backupDir);
      const incomplete = await listIncompleteBackups(flags.backupDir);
      const partials = incomplete.map((p) => ({ id: p.id, file: p.file, bytes: p.bytes, modified: p.modified.toISOString() }));
      if (flags.format === 'json') process.stdout.write(JSON.stringify({ backups: all.map(summaryOf), incomplete: partials }) + '\n');
      else if (flags.format === 'text') process.stdout.write((all.length > 0 || incomplete.length === 0 ? formatList(all, flags.backupDir) : '') + formatIncomplete(incomplete));
      else throw new UserError(`unknown format '${flags.format}' (text or json)`);
    });
  backups
    .command('restore')
    .description('Restore a backup: drops what was created since, puts back the rows it holds, then verifies counts.')
    .argument('<id>', 'backup id (see backups list)')
    .option('--backup-dir <dir>', 'where backups are kept', DEFAULT_BACKUP_DIR)
    .option('--database-url <url>', 'database to restore into (default: DATABASE_URL, then the PG* variables)')
    .option('--pg-dump <path>', 'pg_dump to use; pg_restore is taken from the same directory')
    .option('-y, --yes', 'do not ask for confirmation')
    .option('--other-database', 'restore into a database of another name than the one the backup was taken from')
    .action(async (id: string, flags: RestoreFlags) => {
      await anchorBackupDir(flags);
      const manifest = await readManifest(flags.backupDir, id);
      const target = resolveOrExplain(flags.databaseUrl);
      // fail on a bad connection before asking anything
      const probe = await connect(target).catch((error: unknown) => {
        throw error instanceof ConnectionError ? new UserError(error.message) : error;
      });
      let current: string;
      try {
        current = (await probe.query<{ name: string }>('select current_database() as name')).rows[0].name;
      } finally {
        await probe.end();
      }
      // a restore drops what the backup does not know: into the wrong database (a stale DATABASE_URL
      // with --yes in a script) that is everything in it
      const source = databaseNameOf(manifest.database);
      if (source !== undefined && source !== current && !flags.otherDatabase) {
        throw new UserError(
          `backup ${manifest.id} was taken from database ${source}, not ${current} (${target.display}): nothing was changed; ` +
            `check --database-url / DATABASE_URL, or pass --other-database to restore it into ${current} anyway`,
        );
      }
      if (!flags.yes) await confirm(manifest, target.display);
      const databaseUrl = target.config.connectionString ?? '';
      const { report } = await restoreBackup({ databaseUrl, backupDir: flags.backupDir, id, pgDumpPath: flags.pgDump, log: createConsoleLogger({ out: process.stderr, err: process.stderr, secrets: target.secrets, tty: false }) });
      process.stdout.write(formatReport(manifest, report));
      // the history goes back to the backup's moment with the data: what the restore undid is pending again
      const rewound = await rewindTo(target, manifest);
      if (rewound.unapplied.length > 0) {
        process.stdout.write(`the history is back to backup ${manifest.id}'s moment: un-applied ${rewound.unapplied.join(', ')} (\`pgwarden migrate up\` applies ${rewound.unapplied.length === 1 ? 'it' : 'them'} again)\n`);
      }
      if (rewound.clearedMarkers.length > 0) process.stdout.write(`cleared the interrupted marker of ${rewound.clearedMarkers.join(', ')} (the restore undid what ${rewound.clearedMarkers.length === 1 ? 'it' : 'they'} left)\n`);
      if (rewound.closedRuns.length > 0) process.stdout.write(`closed unfinished run ${rewound.closedRuns.join(', ')}, which took this backup\n`);
      process.exitCode = report.ok ? EXIT_OK : EXIT_FINDINGS;
    });
}

/** The database name in a manifest's (redacted) URL, or in its `host:port/name` form. */
function databaseNameOf(database: string): string | undefined {
  try {
    const name = decodeURIComponent(new URL(database).pathname.replace(/^\//, ''));
    return name || undefined;
  } catch {
    const name = database.split('/').at(-1);
    return name || undefined;
  }
}

/** The default backup directory is the project's (beside its configuration), as `migrate up` writes it. */
async function anchorBackupDir(flags: { backupDir: string }): Promise<void> {
  if (flags.backupDir === DEFAULT_BACKUP_DIR) flags.backupDir = fromConfigDir(DEFAULT_BACKUP_DIR, await projectConfigFile());
}

/** Rewinds the history to the backup's moment (see rewindHistory); the restore already put the schema and rows back. */
async function rewindTo(target: ReturnType<typeof resolveConnection>, manifest: BackupManifest): Promise<Rewound> {
  const client = await connect(target);
  try {
    if (manifest.historySchema) useHistorySchema(client, manifest.historySchema);
    return await rewindHistory(client, new Date(manifest.createdAt), manifest.id);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function resolveOrExplain(url: string | undefined) {
  try {
    return resolveConnection(url);
  } catch (error) {
    throw error instanceof ConnectionError ? new UserError(error.message) : error;
  }
}

/** Asks for "yes" on a terminal; `input` is the terminal (standard input outside tests). */
export async function confirm(manifest: BackupManifest, database: string, input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin): Promise<void> {
  if (!input.isTTY) {
    throw new UserError(`refusing to restore backup ${manifest.id} without confirmation: standard input is not a terminal; pass --yes`);
  }
  const rl = createInterface({ input, output: process.stderr, terminal: true });
  try {
    const tables = manifest.tables.map((t) => t.name).join(', ');
    process.stderr.write(
      `Restore backup ${manifest.id} (${manifest.createdAt}) into ${database}?\n` +
        `Objects created since the backup are dropped${tables ? `, and the rows of ${tables} are replaced by the backup's` : ' (the backup holds no table rows)'}.\n`,
    );
    let answer: string;
    try {
      answer = await rl.question('Type "yes" to restore: ');
    } catch (error) {
      // ctrl-c at the prompt: readline rejects with an AbortError, which is no bug to report
      if ((error as { code?: string }).code === 'ABORT_ERR') throw new UserError('restore cancelled (ctrl-c): nothing was changed', 130);
      throw error;
    }
    if (answer.trim().toLowerCase() !== 'yes') throw new UserError('restore cancelled: nothing was changed');
  } finally {
    rl.close();
  }
}

function summaryOf(m: BackupManifest) {
  return {
    id: m.id,
    createdAt: m.createdAt,
    database: redactUrl(m.database),
    engine: m.engine,
    mode: m.mode,
    migrations: m.migrations,
    tables: m.tables.map((t) => ({ name: t.name, rows: t.rows })),
    bytes: m.dumpBytes ?? m.tables.reduce((a, t) => a + t.bytes, 0),
  };
}

function formatList(all: BackupManifest[], dir: string): string {
  if (all.length === 0) return `no backups in ${dir}\n`;
  const rows = all.map((m) => {
    const s = summaryOf(m);
    return [s.id, s.createdAt, s.database, migrationSpan(s.migrations), s.tables.map((t) => `${t.name} (${t.rows})`).join(', ') || '-', `${formatBytes(s.bytes)}${m.engine === 'snapshot' ? ' (snapshot)' : ''}`];
  });
  const header = ['ID', 'CREATED', 'DATABASE', 'MIGRATIONS', 'TABLES', 'SIZE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [header, ...rows].map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
}

/** Dumps whose runner died before writing their manifest: never restorable, removed by the next --keep. */
function formatIncomplete(partials: IncompleteBackup[]): string {
  return partials.map((p) => `incomplete  ${p.id}  ${p.modified.toISOString()}  ${formatBytes(p.bytes)}  (no manifest: the run taking it was killed; not restorable, pruned by the next --keep)\n`).join('');
}

/** A first run takes every migration: name the first and the last, not all of them (`--format json` has the list). */
export function migrationSpan(names: string[]): string {
  if (names.length === 0) return '-';
  if (names.length <= 2) return names.join(', ');
  return `${names[0]} … ${names[names.length - 1]} (${names.length})`;
}

function formatReport(manifest: BackupManifest, report: RestoreReport): string {
  const lines = [`backup ${manifest.id} restored${report.ok ? '' : ' WITH DIFFERENCES'}`];
  if (report.dropped.length > 0) lines.push(`  dropped: ${report.dropped.join(', ')}`);
  if (report.recreated.length > 0) lines.push(`  re-created: ${report.recreated.join(', ')}`);
  for (const t of report.tables) {
    const recorded = t.expected ? `${t.expected.rows} rows, checksum ${t.expected.checksum}` : 'not checksummed (too large)';
    lines.push(`  ${t.table}: ${t.actual?.rows ?? 'missing'} rows, checksum ${t.actual?.checksum ?? '-'} — manifest: ${recorded} ${t.ok ? 'OK' : 'MISMATCH'}`);
  }
  lines.push(
    `  schema: ${report.schemaIdentical === null ? 'compared by catalog' : report.schemaIdentical ? 'identical to the backup' : `differs (${report.schemaDifference})`}`,
  );
  for (const d of report.differences) lines.push(`  ${d}`);
  return lines.join('\n') + '\n';
}
