/**
 * One line: per loss the table (and column), the figures, the statement responsible, then the
 * directive that declares them all.
 */
export function describeLosses(migration, losses, by) {
    const parts = losses.map((loss) => `${loss.table}: ${loss.figures}${responsible(loss, by)}`);
    const onlyRows = losses.every((l) => l.kind === 'rows');
    const declare = [...new Set(losses.map((l) => l.declare))].join(', ');
    return (`migration ${migration} lost ${onlyRows ? 'rows' : 'data'} it did not declare (${parts.join('; ')}); ` +
        `if that is intended, add "-- pgwarden:allow-data-loss ${declare}" to the migration`);
}
function responsible(loss, by) {
    if (loss.by)
        return `${loss.by}${by.statement ? ` through the statement at line ${by.statement.line}: ${oneLine(by.statement.text)}` : ''}`;
    if (by.statement)
        return ` by the statement at line ${by.statement.line}: ${oneLine(by.statement.text)}`;
    const risk = by.risks.find((r) => r.table === loss.table || loss.within?.includes(r.table));
    if (risk)
        return ` by ${risk.reason}${risk.line ? ` at line ${risk.line}` : ''}: ${oneLine(risk.statement)}`;
    return ' (no statement names it: a cascade, trigger, function or dynamic SQL did it)';
}
export function oneLine(sql) {
    const text = sql.replace(/\s+/g, ' ').trim();
    return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}
