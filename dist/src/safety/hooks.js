import { closeOverCatalog } from './at-risk.js';
import { pruneBackups, takeBackup } from './backup.js';
import { DEFAULT_BACKUP_DIR } from './backup-store.js';
import { BackupError } from './errors.js';
import { tableFromKey, tableKeyOf } from './names.js';
import { pgTools } from './pg-tools.js';
import { countRows } from './tables.js';
import { closeUnit, openUnit } from './verification.js';
import { noTransactionGuard } from './no-transaction.js';
export const DEFAULT_VERIFY_MAX_ROWS = 10_000_000;
export const BACKUP_MODES = ['targeted', 'full', 'snapshot', 'none'];
/** Tables at risk arrive as analysis keys (raw names); allow-data-loss lists as written in SQL. */
function tablesOf(names) {
    const seen = new Map();
    for (const n of names) {
        const t = tableFromKey(n);
        seen.set(tableKeyOf(t), t);
    }
    return [...seen.values()];
}
/** The analysis' tables at risk with their reasons; a table listed without one is measured fully. */
function seedsOf(m) {
    const risks = m.risks ?? [];
    const named = new Set(risks.map((r) => r.table));
    return [...risks, ...m.tablesAtRisk.filter((t) => !named.has(t)).map((table) => ({ table, reason: 'at risk' }))];
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
    /** Rows before of the tables measured, per migration: re-counted after a rollback. */
    const rowsBefore = new Map();
    const units = new Map();
    const guard = noTransactionGuard({ schemas: options.schemas, tools, databaseUrl: () => databaseUrl, backup: () => backup });
    const unitSettings = (migration, log) => ({ maxRows, schemas: options.schemas, log, migration: migration.name });
    /** Tables at risk of the whole run, closed over the catalog: what the backup must hold. */
    async function runScope(run) {
        const out = new Map();
        for (const m of run.migrations) {
            const scope = await closeOverCatalog(run.client, { seeds: seedsOf(m), statements: m.statements ?? [], schemas: options.schemas });
            for (const [key, t] of scope.tables)
                out.set(key, t.table);
            for (const t of tablesOf(m.tablesAtRisk))
                out.set(tableKeyOf(t), t);
        }
        return [...out.values()];
    }
    function remember(migration, unit) {
        const counts = rowsBefore.get(migration) ?? new Map();
        for (const [key, p] of unit.start.profiles)
            if (p.exact && !counts.has(key))
                counts.set(key, p.rows);
        rowsBefore.set(migration, counts);
    }
    return {
        async beforeRun(run) {
            // one hooks object may serve several runs (an application calling up() at each start)
            backup = undefined;
            rowsBefore.clear();
            units.clear();
            databaseUrl = options.databaseUrl ?? run.databaseUrl;
            if (run.migrations.length === 0)
                return;
            if (mode !== 'none')
                await guard.refuseKeyless(run);
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
                tablesAtRisk: await runScope(run),
                verifyMaxRows: maxRows,
                log: run.log,
                schemas: options.schemas,
                historySchema: run.historySchema,
            });
            if (options.keep !== undefined)
                await pruneBackups(backupDir, options.keep, run.client, run.log);
        },
        async beforeMigration({ migration, client, log }) {
            if (migration.transactional) {
                const unit = await openUnit(client, seedsOf(migration), migration.statements ?? [], unitSettings(migration, log));
                units.set(migration.name, unit);
                remember(migration.name, unit);
                return;
            }
            await guard.begin(client, migration);
        },
        async afterMigration({ migration, client, log, results }) {
            if (!migration.transactional)
                await guard.finished(client, migration);
            const unit = units.get(migration.name);
            if (!unit)
                return;
            units.delete(migration.name);
            const { figures } = await closeUnit(client, unit, { ...unitSettings(migration, log), allowDataLoss: migration.allowDataLoss, statements: migration.statements ?? [], results, attribution: { risks: migration.risks ?? [] } }, (counted) => {
                const counts = rowsBefore.get(migration.name) ?? new Map();
                for (const [key, rows] of counted)
                    counts.set(key, rows);
                rowsBefore.set(migration.name, counts);
            });
            if (figures.length > 0)
                log.info('verify.ok', { migration: migration.name, counts: figures, message: `${migration.name}: row counts verified (${figures.join('; ')})` });
        },
        async beforeStatement(context) {
            const { migration, client, log, statement } = context;
            if (!statement.parsed)
                return;
            const end = statement.parsed.range.end.line;
            const seeds = (migration.risks ?? []).filter((r) => r.line !== undefined && r.line >= statement.line && r.line <= end);
            await guard.lockColumns(context);
            const unit = await openUnit(client, seeds, [statement.parsed], unitSettings(migration, log));
            units.set(`${migration.name}\u0000${statement.index}`, unit);
            await guard.beforeStatement(context, unit);
        },
        async afterStatement(context) {
            const { migration, client, log, statement } = context;
            const key = `${migration.name}\u0000${statement.index}`;
            const unit = units.get(key);
            if (!unit)
                return;
            units.delete(key);
            const { figures, measurement } = await closeUnit(client, unit, {
                ...unitSettings(migration, log),
                allowDataLoss: migration.allowDataLoss,
                statements: statement.parsed ? [statement.parsed] : [],
                results: context.results,
                attribution: { statement: { text: statement.text, line: statement.line }, risks: migration.risks ?? [] },
                live: !statement.inTransaction,
            });
            await guard.afterStatement(context, measurement);
            const how = statement.inTransaction ? 'row counts verified' : 'ran in transactions of its own, measured live (dropped objects and the server accounting checked; counts shown, not compared)';
            if (figures.length > 0)
                log.info('verify.ok', { migration: migration.name, statement: statement.index + 1, counts: figures, message: `${migration.name}: statement ${statement.index + 1}: ${how} (${figures.join('; ')})` });
        },
        async onFailure(context) {
            const { migration } = context;
            units.delete(migration.name);
            if (migration.transactional) {
                await reportUnchanged(context, rowsBefore.get(migration.name), maxRows);
                return;
            }
            return guard.restore(context);
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
    for (const [key, rows] of [...(previous ?? [])].sort(([a], [b]) => a.localeCompare(b))) {
        const now = await countRows(client, tableFromKey(key), maxRows).catch(() => undefined);
        figures.push(`${key}: ${rows} rows before, ${now?.rows !== undefined && now.rows !== null ? `${now.exact ? '' : '~'}${now.rows} rows` : 'not re-counted'} now`);
    }
    log.info('restore.not-needed', {
        migration: migration.name,
        message: `migration ${migration.name} was rolled back: database left unchanged${figures.length > 0 ? ` (${figures.join('; ')})` : ''}`,
        counts: figures,
    });
}
