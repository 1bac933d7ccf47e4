/** Tables whose rows went down (or that disappeared with rows in them) without an allow-data-loss declaration. */
export function undeclaredDataLoss(counts, allowDataLoss) {
    const out = [];
    for (const c of counts) {
        if (c.before.rows === null || allowDataLoss.has(c.table))
            continue;
        const dropped = c.after.rows === null;
        // dropping an empty table (a down file reverting a CREATE TABLE) loses no row
        if ((c.after.rows ?? 0) < c.before.rows)
            out.push({ ...c, dropped });
    }
    return out;
}
export function formatCount(count) {
    if (count.rows === null)
        return 'table dropped';
    return count.exact ? `${count.rows} rows` : `~${count.rows} rows (planner estimate)`;
}
/** One line per table: which table, the counts, the statement responsible and how to proceed. */
export function describeDataLoss(migration, losses, risks) {
    const parts = losses.map((loss) => {
        const risk = risks.find((r) => r.table === loss.table);
        const where = risk ? ` by ${risk.reason}${risk.line ? ` at line ${risk.line}` : ''}: ${oneLine(risk.statement)}` : '';
        const figures = loss.dropped ? `${formatCount(loss.before)} before, table dropped after` : `${formatCount(loss.before)} before, ${formatCount(loss.after)} after`;
        return `${loss.table}: ${figures}${where}`;
    });
    const tables = losses.map((l) => l.table).join(', ');
    return (`migration ${migration} lost rows it did not declare (${parts.join('; ')}); ` +
        `if that is intended, add "-- pgwarden:allow-data-loss ${tables}" to the migration`);
}
function oneLine(sql) {
    const text = sql.replace(/\s+/g, ' ').trim();
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
