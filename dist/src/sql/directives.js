const MENTIONS_TOOL = /pgwarden|squawk|migrate:|goose|disable_ddl_transaction|transaction\s*:\s*false/i;
const IGNORE = /^(pgwarden|squawk)-ignore(-file)?(?:\s+([^:]*))?(?::\s*(.*))?$/i;
/** Reads one comment; returns null when it is an ordinary comment. */
export function parseDirective(commentText) {
    // Almost every comment is prose: one scan rules it out before the anchored patterns run.
    if (!MENTIONS_TOOL.test(commentText))
        return null;
    const body = stripCommentMarkers(commentText);
    if (/^pgwarden:no-transaction\b/i.test(body))
        return { type: 'no-transaction', by: 'pgwarden' };
    // dbmate's own marker for a section that runs outside a transaction
    if (/^migrate:(up|down)\b.*\btransaction\s*:\s*false\b/i.test(body))
        return { type: 'no-transaction', by: 'dbmate' };
    if (/^migrate:up\b/i.test(body))
        return { type: 'tool', tool: 'dbmate' };
    if (/^\+goose\s+no\s+transaction\b/i.test(body))
        return { type: 'no-transaction', by: 'goose' };
    if (/^\+goose\s+up\b/i.test(body))
        return { type: 'tool', tool: 'goose' };
    if (/^disable_ddl_transaction!?$/i.test(body))
        return { type: 'no-transaction', by: 'rails' };
    if (/^(?:exports\.)?config\s*=\s*\{\s*transaction\s*:\s*false\s*\};?$/i.test(body))
        return { type: 'no-transaction', by: 'knex' };
    const loss = /^pgwarden:allow-data-loss\b\s*(.*)$/i.exec(body);
    if (loss)
        return { type: 'allow-data-loss', tables: splitList(loss[1]) };
    const whole = /^pgwarden:whole-table-restore\b\s*(.*)$/i.exec(body);
    if (whole)
        return { type: 'whole-table-restore', tables: splitList(whole[1]) };
    const ignore = IGNORE.exec(body);
    if (!ignore)
        return null;
    const rules = splitList(ignore[3] ?? '');
    const reason = ignore[4]?.trim() || undefined;
    const alias = ignore[1].toLowerCase() === 'squawk';
    return ignore[2]
        ? { type: 'ignore-file', rules, reason, alias }
        : { type: 'ignore', rules, reason, alias };
}
function stripCommentMarkers(text) {
    let t = text.trim();
    if (t.startsWith('--'))
        t = t.slice(2);
    else if (t.startsWith('/*'))
        t = t.slice(2, t.endsWith('*/') ? -2 : undefined);
    // a block comment over several lines, `/*\n * pgwarden-ignore …\n */`, reads as one line
    t = t.split('\n').map((line) => line.replace(/^\s*\*(?!\/)/, '').trim()).filter(Boolean).join(' ');
    // ESLint's convention: `-- pgwarden-ignore rule -- why` (the reason after a second `--`)
    t = t.replace(/\s+--\s*(.*)$/, (_, why) => (why ? `: ${why}` : ''));
    return t.trim();
}
function splitList(list) {
    return list
        .split(/[,\s]+/)
        .map((s) => s.trim())
        .filter(Boolean);
}
/**
 * Whole-line `--` comments found without lexing, for the text after an unterminated quote (where the
 * comment lexer gives up) so that file-level directives there still count.
 */
export function lineComments(text) {
    const out = [];
    const re = /^[ \t]*(--[^\n]*)$/gm;
    for (let m = re.exec(text); m; m = re.exec(text)) {
        const start = m.index + m[0].indexOf('--');
        out.push({ text: m[1].replace(/\r$/, ''), start, end: start + m[1].length });
    }
    return out;
}
