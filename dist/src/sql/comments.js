const SLASH = 0x2f;
const STAR = 0x2a;
const DASH = 0x2d;
const QUOTE = 0x27;
const DOUBLE_QUOTE = 0x22;
const DOLLAR = 0x24;
const BACKSLASH = 0x5c;
const SEMICOLON = 0x3b;
const AMPERSAND = 0x26;
const LF = 0x0a;
const CR = 0x0d;
/** Character classes of ASCII codes; every non-ASCII character is a letter to PostgreSQL's lexer. */
const DIGIT = 1;
const LETTER = 2; // ident_start: letters and `_`
const DOLLAR_SIGN = 4;
const ASCII_CLASS = new Uint8Array(128);
for (let c = 0x30; c <= 0x39; c++)
    ASCII_CLASS[c] = DIGIT;
for (let c = 0x41; c <= 0x5a; c++)
    ASCII_CLASS[c] = LETTER;
for (let c = 0x61; c <= 0x7a; c++)
    ASCII_CLASS[c] = LETTER;
ASCII_CLASS[0x5f] = LETTER;
ASCII_CLASS[DOLLAR] = DOLLAR_SIGN;
/** Class of a char code; 0 for anything else, including the -1 or NaN read past the end. */
function classOf(c) {
    return c >= 0x80 ? LETTER : (ASCII_CLASS[c] ?? 0);
}
/** PostgreSQL's ident_start: letters, `_` and every non-ASCII character. */
function isIdentStart(c) {
    return classOf(c) === LETTER;
}
function isDigit(c) {
    return c >= 0x30 && c <= 0x39;
}
/** ident_cont, without `$` (which dollar-quote tags may not contain). */
function isTagChar(c) {
    return (classOf(c) & (LETTER | DIGIT)) !== 0;
}
/** ident_cont: identifiers may contain digits and `$` (so `a$b$` is a name, not a dollar quote). */
function isWordChar(c) {
    return classOf(c) !== 0;
}
/**
 * Finds comments and statement-ending semicolons with PostgreSQL's lexical rules for the places a
 * comment marker does not start a comment: '…' strings ('' escapes), E'…' strings (backslash escapes
 * too), dollar quotes ($$…$$, $tag$…$tag$), "…" identifiers ("" escapes) and nested block comments.
 * It replaces a full scan with libpg-query, which costs a WebAssembly round trip and a token list
 * per file just to learn where the comments are.
 */
export function lexComments(text) {
    const comments = [];
    const semicolons = [];
    const n = text.length;
    // Without carriage returns a line comment ends at the next \n, found natively.
    const hasCR = text.indexOf('\r') >= 0;
    let i = 0;
    while (i < n) {
        const c = text.charCodeAt(i);
        const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
        if (c === DASH && next === DASH) {
            const end = lineEnd(text, i + 2, hasCR);
            comments.push({ text: text.slice(i, end), start: i, end });
            i = end;
        }
        else if (c === SLASH && next === STAR) {
            const end = blockCommentEnd(text, i);
            if (end < 0)
                return { comments, semicolons, unterminatedAt: i };
            comments.push({ text: text.slice(i, end), start: i, end });
            i = end;
        }
        else if (c === QUOTE) {
            const end = quotedEnd(text, i + 1, QUOTE, false);
            if (end < 0)
                return { comments, semicolons, unterminatedAt: i };
            i = end;
        }
        else if (c === DOUBLE_QUOTE) {
            const end = quotedEnd(text, i + 1, DOUBLE_QUOTE, false);
            if (end < 0)
                return { comments, semicolons, unterminatedAt: i };
            i = end;
        }
        else if (c === DOLLAR) {
            const end = dollarEnd(text, i);
            if (end === -1)
                return { comments, semicolons, unterminatedAt: i };
            i = end;
        }
        else if (c === SEMICOLON) {
            semicolons.push(i + 1);
            i++;
        }
        else if (isDigit(c)) {
            i = numberEnd(text, i);
        }
        else if (isIdentStart(c)) {
            const wordStart = i;
            while (i < n && isWordChar(text.charCodeAt(i)))
                i++;
            const prefixed = prefixedQuoteEnd(text, wordStart, i);
            if (prefixed === -1)
                return { comments, semicolons, unterminatedAt: wordStart };
            if (prefixed !== undefined)
                i = prefixed;
        }
        else {
            i++;
        }
    }
    return { comments, semicolons };
}
/** Index of the line break (\n or \r) that ends a `--` comment, or the end of the text. */
function lineEnd(text, from, hasCR) {
    if (!hasCR) {
        const lf = text.indexOf('\n', from);
        return lf < 0 ? text.length : lf;
    }
    let end = from;
    while (end < text.length) {
        const e = text.charCodeAt(end);
        if (e === LF || e === CR)
            break;
        end++;
    }
    return end;
}
/**
 * A word directly followed by a quote: E'…' takes backslash escapes; B'…', X'…', N'…', U&'…' and
 * U&"…" quote like plain ones. Any other word (`select'x'`) is an identifier and the quote starts
 * afresh. Returns the index after the literal, -1 when unterminated, undefined when not a prefix.
 */
function prefixedQuoteEnd(text, wordStart, wordEnd) {
    if (wordEnd - wordStart !== 1)
        return undefined;
    const letter = text.charCodeAt(wordStart) | 0x20;
    const after = text.charCodeAt(wordEnd);
    if (after === QUOTE && (letter === 0x65 || letter === 0x62 || letter === 0x78 || letter === 0x6e)) {
        return quotedEnd(text, wordEnd + 1, QUOTE, letter === 0x65);
    }
    if (letter === 0x75 && after === AMPERSAND) {
        const quote = text.charCodeAt(wordEnd + 1);
        if (quote === QUOTE || quote === DOUBLE_QUOTE)
            return quotedEnd(text, wordEnd + 2, quote, false);
    }
    return undefined;
}
/**
 * Index after the digits at `start` and any letters glued to them (PG 15+'s "trailing junk", one
 * token); a `$` right after the digits starts a new token, e.g. a dollar quote (`1$q$`).
 */
function numberEnd(text, start) {
    const n = text.length;
    let i = start;
    while (i < n && isDigit(text.charCodeAt(i)))
        i++;
    if (i < n && isIdentStart(text.charCodeAt(i)))
        while (i < n && isWordChar(text.charCodeAt(i)))
            i++;
    return i;
}
/** Index after the closing quote of a literal whose body starts at `from` (a doubled quote is one). */
function quotedEnd(text, from, quote, backslashEscapes) {
    const n = text.length;
    if (!backslashEscapes) {
        const q = quote === QUOTE ? "'" : '"';
        for (let i = text.indexOf(q, from); i >= 0; i = text.indexOf(q, i + 2)) {
            if (text.charCodeAt(i + 1) !== quote)
                return i + 1;
        }
        return -1;
    }
    for (let i = from; i < n; i++) {
        const c = text.charCodeAt(i);
        if (backslashEscapes && c === BACKSLASH) {
            i++;
        }
        else if (c === quote) {
            if (i + 1 < n && text.charCodeAt(i + 1) === quote)
                i++;
            else
                return i + 1;
        }
    }
    return -1;
}
/** Index after the `*\/` that closes the comment opened at `start`; block comments nest. */
function blockCommentEnd(text, start) {
    const n = text.length;
    let depth = 1;
    let i = start + 2;
    while (i < n) {
        const c = text.charCodeAt(i);
        const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
        if (c === SLASH && next === STAR) {
            depth++;
            i += 2;
        }
        else if (c === STAR && next === SLASH) {
            depth--;
            i += 2;
            if (depth === 0)
                return i;
        }
        else {
            i++;
        }
    }
    return -1;
}
/**
 * At a `$`: a parameter ($1), a dollar-quoted string ($$…$$ or $tag$…$tag$, body verbatim) or a lone
 * `$`. Returns the index after it, or -1 for an unterminated dollar quote.
 */
function dollarEnd(text, start) {
    const n = text.length;
    let i = start + 1;
    const first = i < n ? text.charCodeAt(i) : -1;
    if (isDigit(first)) {
        // A parameter is `$` and digits only; libpg-query's scanner starts a new token after them.
        while (i < n && isDigit(text.charCodeAt(i)))
            i++;
        return i;
    }
    if (first !== DOLLAR) {
        if (!isIdentStart(first))
            return i;
        while (i < n && isTagChar(text.charCodeAt(i)))
            i++;
        // Not a delimiter: only the `$` is consumed, what follows is lexed afresh (`$E'…'` is an E string).
        if (i >= n || text.charCodeAt(i) !== DOLLAR)
            return start + 1;
    }
    const delimiter = text.slice(start, i + 1);
    // The first occurrence of the delimiter closes the string: PostgreSQL's lexer never consumes a `$`
    // that could begin it (see the xdolq rules of scan.l).
    const close = text.indexOf(delimiter, i + 1);
    return close < 0 ? -1 : close + delimiter.length;
}
