import { lineComments, parseDirective } from '../sql/directives.js';
import { dumpDifferences, liveSchemaDump } from './archive.js';
import { closeOverCatalog } from './at-risk.js';
import { droppedColumns, generatedFrom, lockForColumnImages, onlyDropsColumns, resolveTable, takeColumnImage } from './column-images.js';
import { insertedImage, rowKeyOf, settleImage, takeImage } from './before-images.js';
import { rowsStatementChanges } from './image-rows.js';
import { objectKey, readCatalog } from './catalog.js';
import { BackupError, RestoreError } from './errors.js';
import { keyAndAncestors, nameParts, qualified, tableKeyOf } from './names.js';
import { undoMigration } from './undo.js';
/** `-- pgwarden:whole-table-restore t, …` of a migration, as table keys. */
function wholeTableRestore(migration, defaultSchema) {
    const out = new Set();
    for (const c of lineComments(migration.sql)) {
        const d = parseDirective(c.text);
        if (d?.type !== 'whole-table-restore')
            continue;
        for (const t of d.tables) {
            const p = nameParts(t);
            out.add(p.length === 1 ? `${defaultSchema}.${p[0]}` : `${p[p.length - 2]}.${p[p.length - 1]}`);
        }
    }
    return out;
}
function seedsAt(migration, line, end) {
    return (migration.risks ?? []).filter((r) => r.line !== undefined && r.line >= line && r.line <= end);
}
/**
 * The safety net of a migration that runs outside a transaction: before-images of what each statement
 * changes (stage 2b), and on failure the undo of exactly what its committed statements did (stage 5).
 */
export function noTransactionGuard(s) {
    const points = new Map();
    const defaultSchema = s.schemas?.[0] ?? 'public';
    return {
        /** Refuses, before anything runs, a statement whose rows could only be restored by replacing a whole table. */
        async refuseKeyless(run) {
            for (const m of run.migrations.filter((x) => !x.transactional)) {
                const declared = wholeTableRestore(m, defaultSchema);
                for (const st of m.statements ?? []) {
                    const scope = await closeOverCatalog(run.client, { seeds: seedsAt(m, st.range.start.line, st.range.end.line), statements: [st], schemas: s.schemas });
                    for (const [key, t] of scope.tables) {
                        if (declared.has(key) || (await rowKeyOf(run.client, t.table)) !== null)
                            continue;
                        throw new BackupError(`cannot guard ${m.name}: it runs outside a transaction and its statement at line ${st.range.start.line} may change ${key}, which has no primary key or replica identity, so a failure could only be undone by replacing the whole table (and the application's rows with it); add a primary key, or declare "-- pgwarden:whole-table-restore ${key}"; nothing was applied`);
                    }
                }
            }
        },
        async begin(client, migration) {
            const backup = s.backup();
            if (!backup)
                return;
            points.set(migration.name, {
                catalog: await readCatalog(client, s.schemas),
                ...(backup.file ? { schemaDump: await liveSchemaDump(backup.tools ?? s.tools, s.databaseUrl(), s.schemas) } : {}),
                changes: [],
                pending: [],
                pendingColumns: [],
                wholeTable: wholeTableRestore(migration, defaultSchema),
            });
        },
        /** First in the statement's transaction, before anything fixes its snapshot: the lock a DROP COLUMN takes. */
        async lockColumns({ migration, client, statement }) {
            if (points.has(migration.name) && statement.inTransaction && statement.parsed)
                await lockForColumnImages(client, statement.parsed);
        },
        /** In the statement's transaction, after the measurement started: images of every table it may change. */
        async beforeStatement({ migration, client, statement, log }, unit) {
            const point = points.get(migration.name);
            if (!point)
                return;
            point.pending = [];
            point.pendingColumns = [];
            point.running = statement.inTransaction ? undefined : { statement: statement.index + 1, line: statement.line, catalog: unit.start.catalog };
            if (!statement.inTransaction)
                return;
            const id = s.backup().manifest.id;
            // a column it drops: its values by key and its definition, not the whole table
            const columnsOnly = new Set();
            const named = [];
            for (const d of statement.parsed ? droppedColumns(statement.parsed) : []) {
                const table = await resolveTable(client, d.relation);
                if (!table)
                    continue;
                if (statement.parsed && onlyDropsColumns(statement.parsed))
                    columnsOnly.add(tableKeyOf(table));
                // after it, the generated columns computed from it (gone with it through CASCADE)
                for (const column of [d.column, ...(await generatedFrom(client, table, d.column))]) {
                    if (!named.some((n) => tableKeyOf(n.table) === tableKeyOf(table) && n.column === column))
                        named.push({ table, column });
                }
            }
            for (const { table, column } of named) {
                const image = await takeColumnImage(client, id, table, column, await rowKeyOf(client, table), point.wholeTable.has(tableKeyOf(table)));
                if (!image)
                    continue;
                point.pendingColumns.push(image);
                if (image.unsupported)
                    log.warn('restore.column-unsupported', { migration: migration.name, statement: statement.index + 1, column: `${tableKeyOf(table)}.${column}`, message: `${migration.name}: statement ${statement.index + 1} (line ${statement.line}) drops column ${column} of ${tableKeyOf(table)}, which a restore cannot add back: ${image.unsupported} (its values are kept in ${tableKeyOf(image.copy)})` });
            }
            // a generated column comes back after the columns its expression reads, whatever order the DROP named them in
            point.pendingColumns.sort((a, b) => Number(a.column.generated !== null) - Number(b.column.generated !== null));
            for (const [key, t] of unit.scope.tables) {
                if (columnsOnly.has(key))
                    continue;
                const rowKey = await rowKeyOf(client, t.table);
                // the statement's own target: only the rows its WHERE matches, when nothing else can change others
                const rows = rowKey && statement.parsed ? await rowsStatementChanges(client, statement.parsed, t.table) : null;
                const image = await takeImage(client, id, t.table, rowKey ?? [], rows);
                point.pending.push(image);
                // quiet: for JSON log pipelines (and the tests), which copy a run paid for
                log.info('before-image', { migration: migration.name, statement: statement.index + 1, table: key, rows: image.partial ? 'matched' : 'all', quiet: true, message: `${migration.name}: statement ${statement.index + 1}: before-image of ${key} (${image.partial ? 'the rows its WHERE matches' : 'every row'})` });
            }
        },
        /** After the statement passed verification, before its COMMIT: keep only what it changed. */
        async afterStatement({ migration, client, statement }, m) {
            const point = points.get(migration.name);
            if (!point)
                return;
            // the server counts a partitioned table's rows in its partitions: touching one touches the table
            const touched = new Set([...m.accounting.flatMap((a) => keyAndAncestors(`${a.schema}.${a.table}`, m.ancestors)), ...m.rewritten]);
            const droppedTables = new Set(m.catalog.missing.filter((o) => o.kind === 'table').map((o) => `${o.schema}.${o.name}`));
            const images = [];
            const unkeyed = [];
            for (const p of point.pending) {
                const key = tableKeyOf(p.table);
                // a dropped table comes back from the backup, with its rows
                const keep = touched.has(key) && !droppedTables.has(key);
                if (p.key.length === 0) {
                    if (keep)
                        images.push({ table: p.table, key: [], before: p.copy, after: p.copy, changed: -1, inserted: -1 });
                    else
                        await client.query(`DROP TABLE ${qualified(p.copy)}`);
                    continue;
                }
                const image = await settleImage(client, p, keep);
                if (image && image.changed + image.inserted > 0)
                    images.push(image);
            }
            // tables it only inserted into had no copy taken: their new rows are found by their xmin
            const imaged = new Set(point.pending.map((p) => tableKeyOf(p.table)));
            for (const a of m.accounting) {
                const key = `${a.schema}.${a.table}`;
                if (!statement.inTransaction || keyAndAncestors(key, m.ancestors).some((t) => imaged.has(t)) || a.inserted === 0 || !m.estimates.has(key))
                    continue;
                const table = { schema: a.schema, name: a.table };
                const rowKey = await rowKeyOf(client, table);
                if (rowKey)
                    images.push(await insertedImage(client, s.backup().manifest.id, table, rowKey));
                else
                    unkeyed.push(key);
            }
            const droppedColumnKeys = new Set(m.catalog.missing.filter((o) => o.kind === 'column').map((o) => `${o.schema}.${o.table}.${o.name}`));
            const columns = [];
            for (const c of point.pendingColumns) {
                if (droppedColumnKeys.has(`${tableKeyOf(c.table)}.${c.column.name}`))
                    columns.push(c);
                else
                    await client.query(`DROP TABLE ${qualified(c.copy)}`);
            }
            point.pending = [];
            point.pendingColumns = [];
            point.running = undefined;
            point.changes.push({ statement: statement.index + 1, line: statement.line, images, columns, created: m.catalog.added, dropped: m.catalog.missing, retyped: m.catalog.changed, live: !statement.inTransaction && touched.size > 0, unkeyed });
        },
        /** The migration finished: its before-images are no longer needed. */
        async finished(client, migration) {
            const point = points.get(migration.name);
            points.delete(migration.name);
            if (point)
                await dropImages(client, point.changes);
        },
        async restore(context) {
            const { migration, log } = context;
            const point = points.get(migration.name);
            const backup = s.backup();
            if (!point || !backup) {
                log.error('restore.impossible', { migration: migration.name, message: `migration ${migration.name} ran outside a transaction and failed, and no backup was taken: the database may be half-migrated` });
                return;
            }
            try {
                if (point.running)
                    point.changes.push(await leftovers(context.client, point.running, s.schemas));
                log.warn('restore.start', { migration: migration.name, backup: backup.manifest.id, message: `migration ${migration.name} ran outside a transaction and failed: undoing its ${point.changes.length} committed statement(s)` });
                const report = await undoMigration({
                    client: context.client,
                    databaseUrl: s.databaseUrl(),
                    changes: point.changes,
                    ...(backup.file ? { archive: { tools: backup.tools ?? s.tools, file: backup.file } } : {}),
                    before: point.catalog,
                    schemas: s.schemas,
                    log,
                });
                let schema = 'schema compared by catalog only';
                if (point.schemaDump !== undefined) {
                    const now = await liveSchemaDump(backup.tools ?? s.tools, s.databaseUrl(), s.schemas);
                    const lines = dumpDifferences(point.schemaDump, now, report.keptNames, report.reordered);
                    report.differences.push(...lines.map((l) => `schema dump: ${l}`));
                    const order = report.reordered.length > 0 ? `, but for the column order of ${report.reordered.map(tableKeyOf).join(', ')}` : '';
                    schema = lines.length === 0 ? `schema dump identical to before (comments, grants, owners, defaults included)${order}` : `schema dump differs in ${lines.length} object(s)`;
                }
                const outcome = finish(log, migration.name, report, schema, backup.manifest.id);
                // with rows the application changed again, both versions stay: the old ones in the images
                if (outcome.restored)
                    await dropImages(context.client, point.changes);
                points.delete(migration.name);
                return outcome;
            }
            catch (error) {
                if (error instanceof RestoreError)
                    throw error;
                // a connection lost halfway, a statement refused: one line, the backup stays for `backups restore`
                const message = `restore failed: ${error.message}; the backup is kept`;
                log.error('restore.failed', { migration: migration.name, error: error.message, message });
                throw new RestoreError(message);
            }
        },
    };
}
function finish(log, name, report, schema, backupId) {
    const details = [
        ...(report.dropped.length > 0 ? [`dropped ${report.dropped.join(', ')}`] : []),
        ...report.columns,
        ...(report.recreated.length > 0 ? [`re-created ${report.recreated.join(', ')}`] : []),
        ...report.rows,
        ...(report.keptMeanwhile.length > 0 ? [`kept, created meanwhile by another session: ${report.keptMeanwhile.join(', ')}`] : []),
        schema,
    ];
    const fields = { migration: name, dropped: report.dropped, recreated: report.recreated, columns: report.columns, rows: report.rows, conflicts: report.conflicts, kept: report.keptMeanwhile, schema, differences: report.differences };
    if (!report.ok) {
        log.error('restore.mismatch', { ...fields, message: `undo of ${name} does not match the state before it: ${[...report.differences, ...details].join('; ')}` });
        throw new RestoreError(`undo of ${name} finished but the database differs from before it: ${report.differences.join('; ')}; backup ${backupId} is kept`);
    }
    if (report.conflicts.length > 0) {
        const shown = report.conflicts.slice(0, 5).join('; ') + (report.conflicts.length > 5 ? `; and ${report.conflicts.length - 5} more (all in the event's conflicts field)` : '');
        log.warn('restore.conflicts', { ...fields, message: `${name} undone except ${report.conflicts.length} row(s) the application changed again since: ${shown}` });
        log.info('restore.done', { ...fields, message: `database restored to its state before ${name}, except the rows the application changed since: ${details.join('; ')}` });
        return { restored: false };
    }
    log.info('restore.done', { ...fields, message: `database restored to its state before ${name}: ${details.join('; ')}` });
    return { restored: true };
}
async function dropImages(client, changes) {
    for (const c of changes)
        for (const i of c.images)
            for (const t of new Set([qualified(i.before), qualified(i.after)]))
                await client.query(`DROP TABLE IF EXISTS ${t}`);
    for (const c of changes)
        for (const i of c.columns ?? [])
            await client.query(`DROP TABLE IF EXISTS ${qualified(i.copy)}`);
}
/**
 * What a statement outside any transaction left when it failed: the INVALID indexes a CREATE INDEX
 * CONCURRENTLY leaves behind (anything else it created is complete and belongs to another session).
 */
async function leftovers(client, running, schemas) {
    const now = await readCatalog(client, schemas);
    const had = new Set(running.catalog.objects.map(objectKey));
    const invalid = await client.query(`SELECT n.nspname AS schema, c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace WHERE NOT i.indisvalid`);
    const left = new Set(invalid.rows.map((r) => `${r.schema}.${r.name}`));
    const created = now.objects.filter((o) => o.kind === 'index' && !had.has(objectKey(o)) && left.has(`${o.schema}.${o.name}`));
    return { statement: running.statement, line: running.line, images: [], created, dropped: [], retyped: [] };
}
