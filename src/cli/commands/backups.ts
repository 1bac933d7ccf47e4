import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { connect, resolveConnection, ConnectionError, redactUrl } from '../../db/index.js';
import { createConsoleLogger } from '../../runner/logger.js';
import { listBackups, readManifest, restoreBackup, DEFAULT_BACKUP_DIR, type BackupManifest, type RestoreReport } from '../../safety/index.js';
import { formatBytes } from '../../safety/backup-store.js';
import { UserError, EXIT_FINDINGS, EXIT_OK } from '../errors.js';

interface ListFlags {
  backupDir: string;
  format: string;
}

interface RestoreFlags {
  backupDir: string;
  databaseUrl?: string;
  pgDump?: string;
  yes?: boolean;
}

export function registerBackups(program: Command): void {
  const backups = program.command('backups').description('List and restore the backups taken before migrations.');
  backups
    .command('list')
    .description('List backups, oldest first.')
    .option('--backup-dir <dir>', 'where backups are kept', DEFAULT_BACKUP_DIR)
    .option('-f, --format <format>', 'text or json', 'text')
    .action(async (flags: ListFlags) => {
      const all = await listBackups(flags.backupDir);
      if (flags.format === 'json') process.stdout.write(JSON.stringify({ backups: all.map(summaryOf) }) + '\n');
      else if (flags.format === 'text') process.stdout.write(formatList(all, flags.backupDir));
      else throw new UserError(`unknown format '${flags.format}' (text or json)`);
    });
  backups
    .command('restore')
    .description('Restore a backup: drops what was created since, puts back the rows it holds, then verifies counts.')
    .argument('<id>', 'backup id (see backups list)')
    .option('--backup-dir <dir>', 'where backups are kept', DEFAULT_BACKUP_DIR)
    .option('--database-url <url>', 'database to restore into (default: DATABASE_URL)')
    .option('--pg-dump <path>', 'pg_dump to use; pg_restore is taken from the same directory')
    .option('-y, --yes', 'do not ask for confirmation')
    .action(async (id: string, flags: RestoreFlags) => {
      const manifest = await readManifest(flags.backupDir, id);
      const target = resolveOrExplain(flags.databaseUrl);
      // fail on a bad connection before asking anything
      const probe = await connect(target).catch((error: unknown) => {
        throw error instanceof ConnectionError ? new UserError(error.message) : error;
      });
      await probe.end();
      if (!flags.yes) await confirm(manifest, target.display);
      const databaseUrl = target.config.connectionString ?? '';
      const { report } = await restoreBackup({ databaseUrl, backupDir: flags.backupDir, id, pgDumpPath: flags.pgDump, log: createConsoleLogger({ out: process.stderr, err: process.stderr, secrets: target.secrets, tty: false }) });
      process.stdout.write(formatReport(manifest, report));
      process.exitCode = report.ok ? EXIT_OK : EXIT_FINDINGS;
    });
}

function resolveOrExplain(url: string | undefined) {
  try {
    return resolveConnection(url);
  } catch (error) {
    throw error instanceof ConnectionError ? new UserError(error.message) : error;
  }
}

async function confirm(manifest: BackupManifest, database: string): Promise<void> {
  if (!process.stdin.isTTY) {
    throw new UserError(`refusing to restore backup ${manifest.id} without confirmation: standard input is not a terminal; pass --yes`);
  }
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const tables = manifest.tables.map((t) => t.name).join(', ') || 'no tables';
    process.stderr.write(
      `Restore backup ${manifest.id} (${manifest.createdAt}) into ${database}?\n` +
        `Objects created since the backup are dropped, and the rows of ${tables} are replaced by the backup's.\n`,
    );
    const answer = await rl.question('Type "yes" to restore: ');
    if (answer.trim().toLowerCase() !== 'yes') throw new UserError('restore cancelled');
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
    return [s.id, s.createdAt, s.database, s.migrations.join(', ') || '-', s.tables.map((t) => `${t.name} (${t.rows})`).join(', ') || '-', `${formatBytes(s.bytes)}${m.engine === 'snapshot' ? ' (snapshot)' : ''}`];
  });
  const header = ['ID', 'CREATED', 'DATABASE', 'MIGRATIONS', 'TABLES', 'SIZE'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  return [header, ...rows].map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]))).join('  ')).join('\n') + '\n';
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
