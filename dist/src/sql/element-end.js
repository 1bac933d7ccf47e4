import { scanTokens } from './tokens.js';
/**
 * Length (in UTF-16 units) of the list element that `text` starts with: up to the first comma or closing
 * parenthesis at its own nesting depth, or the whole text. A finding about one column of a CREATE TABLE,
 * or one subcommand of an ALTER TABLE, ends where that element ends, not at the end of the statement.
 *
 * Every located finding asks this, so it is answered by a small scan in JavaScript: PostgreSQL's own
 * lexer over WebAssembly cost a call and a JSON hand-over of every token to the end of the statement,
 * about a sixth of a large history's lint. Comments count as tokens, as that lexer returns them. Where that scan is not sure of PostgreSQL's reading (a `$`
 * that may open a dollar quote or be a parameter, an unterminated quote or comment) the real lexer decides.
 */
export function elementLength(text) {
    return quickElementLength(text) ?? scannedElementLength(text);
}
/** The same answer from PostgreSQL's lexer (the reference `quickElementLength` is checked against). */
export function scannedElementLength(text) {
    const tokens = scanTokens(text);
    if (!tokens)
        return text.length;
    let depth = 0;
    let endByte;
    for (const t of tokens) {
        if (t.text === '(' || t.text === '[')
            depth++;
        else if (t.text === ')' || t.text === ']')
            depth--;
        if (depth < 0 || (depth === 0 && (t.text === ',' || t.text === ';')))
            break;
        endByte = t.end;
    }
    if (endByte === undefined)
        return text.length;
    return Buffer.from(text, 'utf8').subarray(0, endByte).toString('utf8').length;
}
const SPACE = /[ \t\n\r\f\v]/;
/** Letters, digits, `_`, `$` and every non-ASCII character continue an identifier or keyword. */
function continuesWord(code) {
    return (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a) || code === 0x5f || code === 0x24 || code >= 0x80;
}
/**
 * The element's length, or undefined where only PostgreSQL's lexer can tell. Tokens are everything but
 * white space (comments included); the element ends after the last token before its delimiter.
 */
export function quickElementLength(text) {
    let depth = 0;
    let lastEnd = -1;
    let i = 0;
    const n = text.length;
    while (i < n) {
        const c = text[i];
        if (SPACE.test(c)) {
            i++;
            continue;
        }
        // PostgreSQL's scanner returns comments as tokens too: one ends an element like any other
        if (c === '-' && text[i + 1] === '-') {
            let eol = i + 2;
            while (eol < n && text[eol] !== '\n' && text[eol] !== '\r')
                eol++;
            i = lastEnd = eol;
            continue;
        }
        if (c === '/' && text[i + 1] === '*') {
            let nesting = 1;
            let j = i + 2;
            while (j < n && nesting > 0) {
                if (text[j] === '/' && text[j + 1] === '*')
                    (nesting++, (j += 2));
                else if (text[j] === '*' && text[j + 1] === '/')
                    (nesting--, (j += 2));
                else
                    j++;
            }
            if (nesting > 0)
                return undefined;
            i = lastEnd = j;
            continue;
        }
        if (c === '(' || c === '[')
            depth++;
        else if (c === ')' || c === ']')
            depth--;
        if (depth < 0 || (depth === 0 && (c === ',' || c === ';')))
            break;
        if (c === "'" || c === '"') {
            // E'…' reads backslash escapes; a plain, N, B, X or U& literal and a quoted identifier double their quote
            const before = i > 0 ? text.charCodeAt(i - 1) : 0;
            const escapes = c === "'" && (before === 0x45 || before === 0x65) && !(i > 1 && continuesWord(text.charCodeAt(i - 2)));
            const close = closingQuote(text, i + 1, c, escapes);
            if (close === undefined)
                return undefined;
            i = lastEnd = close + 1;
            continue;
        }
        if (c === '$' && !(i > 0 && continuesWord(text.charCodeAt(i - 1)) && lastEnd === i))
            return undefined;
        if (c === '\\')
            return undefined;
        i++;
        lastEnd = i;
    }
    return lastEnd === -1 ? n : lastEnd;
}
/** Index of the quote that closes a literal or quoted identifier opened before `from`; undefined if none. */
function closingQuote(text, from, quote, escapes) {
    for (let j = from; j < text.length; j++) {
        const c = text[j];
        if (escapes && c === '\\') {
            j++;
            continue;
        }
        if (c !== quote)
            continue;
        if (text[j + 1] === quote) {
            j++;
            continue;
        }
        return j;
    }
    return undefined;
}
