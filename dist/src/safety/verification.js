import { nodeAs, stringList } from '../sql/ast.js';
import { closeOverCatalog } from './at-risk.js';
import { VerificationError } from './errors.js';
import { judgeContent } from './content.js';
import { beginMeasurement, endMeasurement } from './measure.js';
import { Declarations, judge } from './verdict.js';
import { describeLosses } from './verify.js';
export async function openUnit(client, seeds, statements, s) {
    const scope = await closeOverCatalog(client, { seeds, statements, schemas: s.schemas });
    if (scope.unbounded) {
        s.log.warn('verify.unbounded', {
            migration: s.migration,
            message: `${s.migration}: ${scope.unbounded}, whose effects cannot be known before it runs: every user table (${scope.tables.size}) is measured before and after it`,
        });
    }
    const start = await beginMeasurement(client, scope, s.maxRows, s.schemas);
    for (const [key, p] of start.profiles) {
        if (p.exact)
            continue;
        s.log.warn('verify.estimate', {
            migration: s.migration,
            table: key,
            message: `${key} holds about ${p.rows} rows, above --verify-max-rows ${s.maxRows}: verifying by the planner's estimate (the rows the migration deletes are still counted by the server; values and TRUNCATE are not checked there)`,
        });
    }
    return { scope, start };
}
/**
 * Measures and judges. On an undeclared loss it throws VerificationError, after `seen` was given the
 * rows before of the tables it counted (so a rollback can be shown to have kept them).
 */
export async function closeUnit(client, unit, r, seen) {
    const stated = new Declarations(r.allowDataLoss);
    const measurement = await endMeasurement(client, unit.start, r.maxRows, r.schemas, r.live, (key) => stated.coversTable(key));
    const declared = stated.throughPartitions(measurement.ancestors);
    const judged = r.live ? { ...measurement, before: new Map(), after: new Map() } : measurement;
    // not for a live unit: it runs outside any transaction
    const isolation = r.live ? undefined : (await client.query(`SELECT current_setting('transaction_isolation') AS level`)).rows[0].level;
    const losses = judge({ measurement: judged, declared, namedDrops: namedDrops(r.statements, r.schemas?.[0] ?? 'public'), concurrent: isolation === 'read committed' });
    // rows and values changed that no statement targets; a live unit's counts include other sessions' work
    if (isolation !== undefined) {
        const content = await judgeContent(client, { measurement, declared, statements: r.statements, results: r.results, found: losses, maxRows: r.maxRows, isolation });
        for (const why of content.skipped)
            r.log.warn('verify.content-skipped', { migration: r.migration, message: `${r.migration}: ${why}` });
        losses.push(...content.losses);
    }
    // a partition's loss is declared, and was done, through the partitioned table the migration names
    for (const loss of losses) {
        const up = measurement.ancestors.get(loss.table);
        if (!up)
            continue;
        loss.within = up;
        loss.declare = loss.column ? `${up.at(-1)}.${loss.column}` : up.at(-1);
    }
    const figures = figuresOf(measurement, declared);
    seen?.(rowsBeforeOf(measurement));
    if (losses.length > 0) {
        const message = describeLosses(r.migration, losses, r.attribution);
        // quiet: the runner reports the thrown error itself; the event is for JSON log pipelines
        r.log.error('verify.failed', { migration: r.migration, counts: figures, losses, message, quiet: true });
        throw new VerificationError(message);
    }
    return { figures, measurement };
}
/** Exact rows before, where known: profiled, or counted after a delete (after + deleted − inserted). */
function rowsBeforeOf(m) {
    const out = new Map();
    for (const [key, p] of m.before)
        if (p.exact)
            out.set(key, p.rows);
    for (const a of m.accounting) {
        const key = `${a.schema}.${a.table}`;
        const after = m.rowsAfter.get(key);
        if (!out.has(key) && after !== undefined && after !== null)
            out.set(key, after + a.deleted - a.inserted);
    }
    return out;
}
/** Rows before/after of every table the unit changed, as the log shows them. */
export function figuresOf(m, declared) {
    const out = new Map();
    const allowed = (key) => (declared.coversTable(key) ? ' (data loss allowed)' : '');
    for (const [key, before] of m.before) {
        const after = m.after.get(key);
        if (after === undefined)
            continue;
        const a = after === null ? 'table dropped' : `${after.exact ? '' : '~'}${after.rows} rows`;
        out.set(key, `${key}: ${before.exact ? '' : '~'}${before.rows} rows before, ${a} after${allowed(key)}`);
    }
    for (const a of m.accounting) {
        const key = `${a.schema}.${a.table}`;
        if (out.has(key) || !m.estimates.has(key))
            continue;
        const after = m.rowsAfter.get(key);
        out.set(key, after !== undefined && after !== null
            ? `${key}: ${after + a.deleted - a.inserted} rows before, ${after} rows after${allowed(key)}`
            : `${key}: ${tupleChanges(a)}${allowed(key)}`);
    }
    return [...out.values()].sort();
}
/** `100 rows deleted`, `5 rows inserted, 2 rows updated`: what the server counted, without a count(*). */
function tupleChanges(a) {
    const row = (n) => `${n} ${n === 1 ? 'row' : 'rows'}`;
    const parts = [a.inserted > 0 && `${row(a.inserted)} inserted`, a.updated > 0 && `${row(a.updated)} updated`, a.deleted > 0 && `${row(a.deleted)} deleted`].filter(Boolean);
    return parts.length > 0 ? parts.join(', ') : 'no rows changed';
}
/** Relations a DROP statement of the migration names (`schema.name`). */
function namedDrops(statements, defaultSchema) {
    const out = new Set();
    for (const s of statements) {
        const drop = nodeAs(s.node, 'DropStmt');
        if (!drop)
            continue;
        for (const o of drop.objects ?? []) {
            const parts = stringList(nodeAs(o, 'List')?.items);
            if (parts.length > 0)
                out.add(parts.length === 1 ? `${defaultSchema}.${parts[0]}` : parts.slice(-2).join('.'));
        }
    }
    return out;
}
