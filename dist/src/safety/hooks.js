import { liveSchemaDump } from './archive.js';
import { pruneBackups, takeBackup } from './backup.js';
import { DEFAULT_BACKUP_DIR } from './backup-store.js';
import { readCatalog } from './catalog.js';
import { BackupError, RestoreError, VerificationError } from './errors.js';
import { parseTableName, tableFromKey, tableKeyOf } from './names.js';
import { pgTools } from './pg-tools.js';
import { restoreDatabase, sameFingerprint } from './restore.js';
import { countRows, tableFingerprint } from './tables.js';
import { describeDataLoss, formatCount, undeclaredDataLoss } from './verify.js';
export const DEFAULT_VERIFY_MAX_ROWS = 10_000_000;
export const BACKUP_MODES = ['targeted', 'full', 'snapshot', 'none'];
/** Tables at risk arrive as analysis keys (raw names); allow-data-loss lists as written in SQL. */
function tablesOf(names, parse = tableFromKey) {
    const seen = new Map();
    for (const n of names) {
        const t = parse(n);
        seen.set(tableKeyOf(t), t);
    }
    return [...seen.values()];
}
/**
 * The safety net as runner hooks: a backup before the run, row counts verified inside each
 * migration's transaction, and a restore when a migration that ran outside a transaction fails.
 */
export function safetyHooks(options = {}) {
    const mode = options.backup ?? 'targeted';
    if (!BACKUP_MODES.includes(mode))
        throw new BackupError(`--backup: expected ${BACKUP_MODES.join(', ')}, not '${String(mode)}'`);
    const backupDir = options.backupDir ?? DEFAULT_BACKUP_DIR;
    const maxRows = options.verifyMaxRows ?? DEFAULT_VERIFY_MAX_ROWS;
    const tools = pgTools(options.pgDumpPath);
    let databaseUrl = options.databaseUrl ?? '';
    let backup;
    const before = new Map();
    const restorePoints = new Map();
    async function count(client, migration, log, previous) {
        const counts = new Map();
        for (const table of tablesOf(migration.tablesAtRisk)) {
            const key = tableKeyOf(table);
            const c = await countRows(client, table, maxRows, previous ? previous.get(key)?.exact === false : false);
            if (!c.exact && !previous) {
                log.warn('verify.estimate', {
                    migration: migration.name,
                    table: key,
                    message: `${key} holds about ${c.rows} rows, above --verify-max-rows ${maxRows}: verifying by the planner's estimate, which does not see rows deleted inside the migration`,
                });
            }
            counts.set(key, c);
        }
        return counts;
    }
    return {
        async beforeRun(run) {
            // one hooks object may serve several runs (an application calling up() at each start)
            backup = undefined;
            before.clear();
            restorePoints.clear();
            databaseUrl = options.databaseUrl ?? run.databaseUrl;
            if (run.migrations.length === 0)
                return;
            if (mode === 'none') {
                run.log.warn('backup.skipped', { message: 'no backup taken (--backup none): a failed migration outside a transaction cannot be restored' });
                return;
            }
            backup = await takeBackup({
                client: run.client,
                databaseUrl,
                mode,
                backupDir,
                pgDumpPath: options.pgDumpPath,
                migrations: run.migrations.map((m) => m.name),
                tablesAtRisk: tablesOf(run.migrations.flatMap((m) => m.tablesAtRisk)),
                verifyMaxRows: maxRows,
                log: run.log,
                schemas: options.schemas,
            });
            if (options.keep !== undefined)
                await pruneBackups(backupDir, options.keep, run.client, run.log);
        },
        async beforeMigration({ migration, client, log }) {
            const counts = await count(client, migration, log);
            before.set(migration.name, counts);
            if (!migration.transactional && backup) {
                // No rollback will undo this one: remember the exact state to return to if it fails.
                const tables = [];
                for (const table of tablesOf(migration.tablesAtRisk)) {
                    const c = counts.get(tableKeyOf(table));
                    const exists = c?.rows !== null && c !== undefined;
                    tables.push({ table, exists, fingerprint: exists && c.exact ? await tableFingerprint(client, table) : null });
                }
                restorePoints.set(migration.name, {
                    catalog: await readCatalog(client, options.schemas),
                    tables,
                    ...(backup.file ? { schemaDump: await liveSchemaDump(backup.tools ?? tools, databaseUrl, options.schemas) } : {}),
                });
            }
        },
        async afterMigration({ migration, client, log }) {
            const previous = before.get(migration.name);
            if (!previous)
                return;
            const after = await count(client, migration, log, previous);
            const counts = [...previous.entries()].map(([table, b]) => ({ table, before: b, after: after.get(table) }));
            const allowed = new Set(tablesOf(migration.allowDataLoss, parseTableName).map(tableKeyOf));
            const losses = undeclaredDataLoss(counts, allowed);
            const figures = counts.map((c) => `${c.table}: ${formatCount(c.before)} before, ${formatCount(c.after)} after${allowed.has(c.table) ? ' (data loss allowed)' : ''}`);
            if (losses.length > 0) {
                const message = describeDataLoss(migration.name, losses, migration.risks ?? []);
                // quiet: the runner reports the thrown error itself; the event is for JSON log pipelines
                log.error('verify.failed', { migration: migration.name, counts: figures, message, quiet: true });
                throw new VerificationError(message);
            }
            if (counts.length > 0)
                log.info('verify.ok', { migration: migration.name, counts: figures, message: `${migration.name}: row counts verified (${figures.join('; ')})` });
        },
        async onFailure(context) {
            const { migration, log } = context;
            const previous = before.get(migration.name);
            if (migration.transactional) {
                await reportUnchanged(context, previous, maxRows);
                return;
            }
            const point = restorePoints.get(migration.name);
            if (!backup || !point) {
                log.error('restore.impossible', {
                    migration: migration.name,
                    message: `migration ${migration.name} ran outside a transaction and failed, and no backup was taken: the database may be half-migrated`,
                });
                return;
            }
            const taken = backup.fingerprints;
            const stale = point.tables.filter((t) => {
                const key = tableKeyOf(t.table);
                if (!taken.has(key))
                    return t.exists;
                const then = taken.get(key) ?? null;
                // too large to checksum on either side: cannot prove the backup current, only warn
                if (then === null || t.fingerprint === null) {
                    log.warn('restore.unverified', { table: key, message: `${key} is too large to checksum: cannot prove backup ${backup.manifest.id} still holds its rows as they were before ${migration.name}` });
                    return false;
                }
                return !sameFingerprint(then, t.fingerprint);
            });
            const source = backup.file
                ? { engine: 'pg_dump', tools: backup.tools ?? tools, file: backup.file }
                : { engine: 'snapshot', copies: new Map(backup.manifest.tables.flatMap((t) => (t.snapshotTable ? [[t.name, tableFromKey(t.snapshotTable)]] : []))) };
            if (stale.length > 0) {
                // Earlier migrations of this run changed these rows: the backup no longer holds the state to return to.
                const message = `cannot restore ${stale.map((t) => tableKeyOf(t.table)).join(', ')} automatically: an earlier migration of this run changed them after backup ${backup.manifest.id}`;
                log.error('restore.impossible', { migration: migration.name, message });
                throw new RestoreError(message);
            }
            log.warn('restore.start', { migration: migration.name, backup: backup.manifest.id, message: `migration ${migration.name} ran outside a transaction and failed: restoring from backup ${backup.manifest.id}` });
            const report = await restoreDatabase({ databaseUrl, source, target: point, log, schemas: options.schemas });
            logReport(log, migration.name, report);
            if (!report.ok)
                throw new RestoreError(`restore of ${migration.name} finished but the database differs from before it: ${summary(report)}; backup ${backup.manifest.id} is kept`);
            return { restored: true };
        },
        async afterRun(run) {
            if (backup)
                run.log.info('backup.kept', { id: backup.manifest.id, dir: backupDir, ok: run.ok, message: `backup ${backup.manifest.id} kept in ${backupDir}` });
        },
    };
}
/** A transactional migration rolled back: re-count to show nothing changed. */
async function reportUnchanged(context, previous, maxRows) {
    const { migration, client, log } = context;
    const figures = [];
    for (const [key, b] of previous ?? []) {
        const now = await countRows(client, tableFromKey(key), maxRows, !b.exact).catch(() => undefined);
        figures.push(`${key}: ${formatCount(b)} before, ${now ? formatCount(now) : 'not re-counted'} now`);
    }
    log.info('restore.not-needed', {
        migration: migration.name,
        message: `migration ${migration.name} was rolled back: database left unchanged${figures.length > 0 ? ` (${figures.join('; ')})` : ''}`,
        counts: figures,
    });
}
function summary(report) {
    const parts = [...report.differences];
    for (const t of report.tables) {
        if (!t.ok)
            parts.push(`${t.table}: ${t.actual?.rows ?? 'missing'} rows, expected ${t.expected?.rows ?? 'none'}`);
    }
    if (report.schemaDifference)
        parts.push(`schema dump differs at ${report.schemaDifference}`);
    return parts.join('; ');
}
export function logReport(log, migration, report) {
    const tables = report.tables.map((t) => `${t.table}: ${t.actual ? `${t.actual.rows} rows, checksum ${t.actual.checksum}` : 'absent'} ` +
        `(before: ${t.expected ? `${t.expected.rows} rows, checksum ${t.expected.checksum}` : t.ok ? 'absent or too large to checksum' : 'not checksummed'})`);
    const schema = report.schemaIdentical === null ? 'schema compared by catalog only' : report.schemaIdentical ? 'schema dump identical to before' : `schema dump differs: ${report.schemaDifference}`;
    const fields = { migration, dropped: report.dropped, recreated: report.recreated, tables, schema };
    const details = [...(report.dropped.length > 0 ? [`dropped ${report.dropped.join(', ')}`] : []), ...(report.recreated.length > 0 ? [`re-created ${report.recreated.join(', ')}`] : []), ...tables, schema];
    if (report.ok)
        log.info('restore.done', { ...fields, message: `database restored to its state before ${migration}: ${details.join('; ')}` });
    else
        log.error('restore.mismatch', { ...fields, differences: report.differences, message: `restore of ${migration} does not match the state before it: ${[...report.differences, ...details].join('; ')}` });
}
