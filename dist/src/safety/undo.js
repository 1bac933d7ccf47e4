import { writeFile } from 'node:fs/promises';
import { archiveContents, selectEntries, tocPatterns } from './archive.js';
import { describeObject, dropStatements, objectKey, readCatalog } from './catalog.js';
import { addToState, descendants, recreateColumn, sequenceForward } from './column-images.js';
import { qualified, quoteIdent, tableKeyOf } from './names.js';
import { manualRestoreCommand, restoreIntoDatabase } from './pg-tools.js';
import { RestoreError } from './errors.js';
function step(log, text) {
    log.info('restore.step', { step: text, message: `restore: ${text}` });
}
async function writableColumns(client, table) {
    const r = await client.query(`SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum`, [qualified(table)]);
    return r.rows.map((c) => c.name);
}
const undoTable = (n) => `pg_temp.pgwarden_undo_${n}`;
const matchOn = (image, a, b) => image.key.map((k) => `${a}.${quoteIdent(k)} = ${b}.${quoteIdent(k)}`).join(' AND ');
async function columnsOf(client, relation) {
    const r = await client.query(`SELECT attname AS name FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped ORDER BY attnum`, [relation]);
    return r.rows.map((c) => c.name);
}
/**
 * A table's rows as they will be once the later statements are undone: the selection of each earlier
 * statement compares with this, not with the table, since a row one statement updated and a later one
 * deleted is still the migration's to undo.
 */
class TableStates {
    client;
    names = new Map();
    constructor(client) {
        this.client = client;
    }
    async of(image) {
        const key = tableKeyOf(image.table);
        let name = this.names.get(key);
        if (!name) {
            name = `pg_temp.pgwarden_state_${this.names.size}`;
            await this.client.query(`CREATE TEMP TABLE ${name.slice('pg_temp.'.length)} ON COMMIT DROP AS SELECT * FROM ${qualified(image.table)}`);
            this.names.set(key, name);
        }
        return name;
    }
    /** After a statement's selection: its rows to undo take the state they had before it. */
    async advance(image, n) {
        const state = await this.of(image);
        const u = undoTable(n);
        await this.client.query(`DELETE FROM ${state} s USING ${u} u WHERE ${matchOn(image, 'u', 's')}`);
        const have = new Set(await columnsOf(this.client, state));
        const columns = (await columnsOf(this.client, qualified(image.before))).filter((c) => have.has(c)).map(quoteIdent).join(', ');
        await this.client.query(`INSERT INTO ${state} (${columns}) SELECT ${columns} FROM ${qualified(image.before)} i WHERE EXISTS (SELECT 1 FROM ${u} u WHERE ${matchOn(image, 'u', 'i')} AND NOT u.inserted)`);
    }
}
/**
 * Which rows of an image are still exactly as the statement left them (or still absent where it
 * deleted them): those are the statement's to undo; the others the application changed since. Decided
 * before anything is dropped, while the rows still have the shape the statement left.
 */
async function selectUndo(client, states, image, n, where) {
    if (image.key.length === 0)
        return [];
    const t = await states.of(image);
    const keys = image.key.map((k) => `a.${quoteIdent(k)}`).join(', ');
    // the row as the statement saw it: its own columns, in its own order
    const hash = `md5(row(${(await columnsOf(client, qualified(image.before))).map((c) => `t.${quoteIdent(c)}`).join(', ')})::text)`;
    await client.query(`CREATE TEMP TABLE ${undoTable(n).slice('pg_temp.'.length)} ON COMMIT DROP AS
      SELECT ${keys}, a.inserted FROM ${qualified(image.after)} a LEFT JOIN ${t} t ON ${matchOn(image, 'a', 't')}
       WHERE (a.hash IS NULL AND t.${quoteIdent(image.key[0])} IS NULL) OR ${hash} = a.hash`);
    const conflicts = await client.query(`SELECT row(${keys})::text AS k, a.inserted, t.${quoteIdent(image.key[0])} IS NOT NULL AS now FROM ${qualified(image.after)} a LEFT JOIN ${t} t ON ${matchOn(image, 'a', 't')}
      WHERE NOT EXISTS (SELECT 1 FROM ${undoTable(n)} u WHERE ${matchOn(image, 'u', 'a')}) ORDER BY 1`);
    await states.advance(image, n);
    const key = tableKeyOf(image.table);
    return conflicts.rows.map((c) => `${key} row ${c.k}: changed by the application after ${where} (${c.now ? 'its current version' : 'deleted since; nothing'} kept in the table${c.inserted ? '' : `, the version before the migration kept in ${tableKeyOf(image.before)}`})`);
}
/** Puts an image's rows back: returns the report's line. */
async function applyUndo(client, image, n, where) {
    const t = qualified(image.table);
    const columns = (await writableColumns(client, image.table)).map(quoteIdent).join(', ');
    if (image.key.length === 0) {
        // declared with whole-table-restore: no key tells its rows apart, so the table goes back whole
        const removed = (await client.query(`DELETE FROM ${t}`)).rowCount ?? 0;
        const put = (await client.query(`INSERT INTO ${t} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM ${qualified(image.before)}`)).rowCount ?? 0;
        return `${tableKeyOf(image.table)} restored whole (declared whole-table-restore), changed by ${where}: removed ${removed}, put back ${put}`;
    }
    const u = undoTable(n);
    const removed = (await client.query(`DELETE FROM ${t} t USING ${u} u WHERE ${matchOn(image, 'u', 't')} AND u.inserted`)).rowCount ?? 0;
    // rows it updated: their current version (as it left them) makes way for the old one
    await client.query(`DELETE FROM ${t} t USING ${u} u WHERE ${matchOn(image, 'u', 't')} AND NOT u.inserted`);
    const put = (await client.query(`INSERT INTO ${t} (${columns}) OVERRIDING SYSTEM VALUE SELECT ${columns} FROM ${qualified(image.before)} i WHERE EXISTS (SELECT 1 FROM ${u} u WHERE ${matchOn(image, 'u', 'i')} AND NOT u.inserted)`)).rowCount ?? 0;
    return `rows of ${tableKeyOf(image.table)} changed by ${where}: ${put} put back, ${removed} inserted by it removed`;
}
export async function undoMigration(request) {
    const { client, log, changes } = request;
    const report = { ok: true, rows: [], conflicts: [], dropped: [], recreated: [], columns: [], reordered: [], differences: [], keptMeanwhile: [], keptNames: [] };
    for (const c of changes)
        for (const t of c.unkeyed ?? [])
            report.differences.push(`statement ${c.statement} (line ${c.line}) inserted into ${t}, which has no primary key or replica identity: its rows were not removed`);
    for (const c of changes)
        if (c.live)
            report.differences.push(`statement ${c.statement} (line ${c.line}) changed rows in transactions of its own: they have no before-image and were not undone`);
    // What the migration as a whole created and dropped (an object it created and dropped again is neither).
    const created = new Map();
    const dropped = new Map();
    for (const c of changes) {
        for (const o of c.created)
            dropped.has(objectKey(o)) ? dropped.delete(objectKey(o)) : created.set(objectKey(o), o);
        for (const o of c.dropped)
            created.has(objectKey(o)) ? created.delete(objectKey(o)) : dropped.set(objectKey(o), o);
    }
    const recreatedColumns = [];
    const recreatedImages = [];
    const notBack = [];
    const ownConstraints = new Set();
    await client.query('BEGIN');
    try {
        const superuser = (await client.query(`SELECT rolsuper AS s FROM pg_roles WHERE rolname = current_user`)).rows[0]?.s;
        // the rows go back as they were, without firing the application's triggers or FK actions again
        if (superuser)
            await client.query(`SET LOCAL session_replication_role = replica`);
        // 1. which rows are still as the migration left them, while they still have that shape; a dropped
        // column comes back (with its values) in that simulated shape before an earlier statement is compared
        const work = [];
        const states = new TableStates(client);
        for (const c of [...changes].reverse()) {
            const where = `statement ${c.statement} (line ${c.line})`;
            for (const image of [...c.images].reverse()) {
                const n = work.length;
                work.push({ image, n, where });
                report.conflicts.push(...(await selectUndo(client, states, image, n, where)));
            }
            // within one statement, in its order: each column re-created after those it preceded, a generated one after its base
            for (const column of c.columns ?? []) {
                if (!dropped.has(objectKey({ kind: 'column', schema: column.table.schema, table: column.table.name, name: column.column.name })))
                    continue;
                work.push({ column, where });
                const key = tableKeyOf(column.table);
                if (changes.some((x) => x.statement < c.statement && x.images.some((i) => tableKeyOf(i.table) === key)))
                    await addToState(client, await states.of(column), column);
            }
        }
        // 2. the objects it created go (a constraint it added must not refuse the old rows), types go back
        const drops = dropStatements([...created.values()]);
        for (const sql of drops) {
            step(log, sql);
            await client.query(sql);
        }
        for (const c of [...changes].reverse()) {
            for (const col of c.retyped) {
                const sql = `ALTER TABLE ${quoteIdent(col.schema)}.${quoteIdent(col.table ?? '')} ALTER COLUMN ${quoteIdent(col.name)} TYPE ${col.detail} USING ${quoteIdent(col.name)}::${col.detail}`;
                step(log, sql);
                await client.query(sql);
            }
        }
        // 3. the rows and the dropped columns, last statement first: a column comes back before the rows
        // of the statements before its DROP, and after those of the ones after it
        for (const item of work) {
            const table = 'image' in item ? item.image.table : item.column.table;
            if ((await client.query(`SELECT to_regclass($1) AS t`, [qualified(table)])).rows[0].t === null)
                continue;
            if ('image' in item) {
                const line = await applyUndo(client, item.image, item.n, item.where);
                step(log, line);
                report.rows.push(line);
                continue;
            }
            const outcome = await recreateColumn(client, item.column, item.where, (sql) => step(log, sql));
            if (outcome.line) {
                step(log, outcome.line);
                report.columns.push(outcome.line);
                recreatedColumns.push({ kind: 'column', schema: table.schema, table: table.name, name: item.column.column.name });
                recreatedImages.push(item.column);
            }
            for (const name of outcome.constraints)
                ownConstraints.add(objectKey({ kind: 'constraint', schema: table.schema, table: table.name, name }));
            if (outcome.reordered)
                for (const t of [table, ...(await descendants(client, table))])
                    if (!report.reordered.some((r) => tableKeyOf(r) === tableKeyOf(t)))
                        report.reordered.push(t);
            report.differences.push(...outcome.problems);
            if (!outcome.line)
                notBack.push(item.column);
        }
        // parts of a table the migration created went with it
        const createdTables = new Set([...created.values()].filter((o) => o.kind === 'table').map((o) => `${o.schema}.${o.name}`));
        report.dropped.push(...[...created.values()].filter((o) => !(o.table && createdTables.has(`${o.schema}.${o.table}`))).map(describeObject));
        await client.query('COMMIT');
    }
    catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
    }
    // a column has no archive entry of its own (it came back above, with the CHECKs pg_dump writes inside
    // CREATE TABLE); what went with it — indexes, other constraints, views, its comment and grants — comes
    // from the archive like any dropped object
    let missing = [...dropped.values()].filter((o) => o.kind !== 'column' && !ownConstraints.has(objectKey(o)));
    // what may depend on a column that did not come back (its table's indexes, constraints, triggers,
    // sequences; views) would fail pg_restore: reported instead
    for (const c of notBack) {
        const blocked = missing.filter((o) => (o.table === c.table.name && o.schema === c.table.schema) || o.kind === 'view' || o.kind === 'materialized view');
        report.differences.push(...blocked.map((o) => `not re-created: ${describeObject(o)} (column ${c.column.name} of ${tableKeyOf(c.table)} is not back)`));
        missing = missing.filter((o) => !blocked.includes(o));
    }
    if ((missing.length > 0 || recreatedColumns.length > 0) && request.archive) {
        const toc = await archiveContents(request.archive.tools, request.archive.file);
        const entries = selectEntries(toc, [...missing, ...recreatedColumns].flatMap(tocPatterns));
        if (entries.length > 0) {
            const listFile = `${request.archive.file}.undo-${Date.now()}.list`;
            await writeFile(listFile, entries.join('\n') + '\n', { mode: 0o600 });
            const tools = request.archive.tools;
            const how = tools.olderServer ? `, as SQL through psql without SET ${tools.olderServer.unknownSettings.join(', ')} (pg_restore is newer than the server)` : '';
            step(log, `pg_restore ${entries.length} archive entries to re-create ${[...missing.map(describeObject), ...recreatedColumns.map((c) => `the archive's entries (comment, grants, serial DEFAULT) of column ${c.schema}.${c.table}.${c.name}`)].join(', ')}${how}`);
            const args = ['--single-transaction', '--exit-on-error', `--use-list=${listFile}`, request.archive.file];
            try {
                await restoreIntoDatabase(request.archive.tools, ['--no-password', ...args], request.databaseUrl);
            }
            catch (error) {
                // the rows are back already; what is left is re-creating these objects, which the command does
                const manual = manualRestoreCommand(request.archive.tools, request.databaseUrl, args);
                log.error('restore.failed', { error: error.message, manual, message: `restore failed: ${error.message}; the backup is kept; to finish by hand: ${manual}` });
                throw new RestoreError(`restore failed: ${error.message}; the backup is kept`, manual);
            }
        }
        report.recreated.push(...missing.map(describeObject));
        for (const image of recreatedImages)
            await sequenceForward(client, image);
    }
    else if (missing.length > 0) {
        report.differences.push(...missing.map((o) => `not re-created (no archive): ${describeObject(o)}`));
    }
    await compareCatalog(request, created, report);
    report.ok = report.differences.length === 0;
    return report;
}
/** Every difference from before the migration; what other sessions created meanwhile is kept and said so. */
async function compareCatalog(request, created, report) {
    const now = await readCatalog(request.client, request.schemas);
    const had = new Map(request.before.objects.map((o) => [objectKey(o), o]));
    const has = new Map(now.objects.map((o) => [objectKey(o), o]));
    for (const [key, o] of has) {
        if (had.has(key)) {
            const old = had.get(key);
            if (o.kind === 'column' && old.detail !== o.detail)
                report.differences.push(`changed ${describeObject(old)} → ${o.detail}`);
            continue;
        }
        if (created.has(key))
            report.differences.push(`still there: ${describeObject(o)} (created by the migration)`);
        else {
            report.keptMeanwhile.push(describeObject(o));
            report.keptNames.push(o.name);
        }
    }
    for (const [key, o] of had)
        if (!has.has(key))
            report.differences.push(`missing ${describeObject(o)}`);
    for (const [name, value] of Object.entries(request.before.sequences)) {
        const current = now.sequences[name];
        if (!(name in now.sequences))
            continue;
        // a sequence is never set back: ids the application drew meanwhile stay used
        if (value !== null && (current === null || BigInt(current) < BigInt(value)))
            report.differences.push(`sequence ${name} at ${current ?? 'its start'}, behind its position before (${value})`);
    }
}
