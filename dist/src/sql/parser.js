import { setFlagsFromString } from 'node:v8';
import { loadModule, parseSync } from 'libpg-query';
import { parseDirective, lineComments } from './directives.js';
import { lexComments } from './comments.js';
import { nodeKind } from './ast.js';
let loaded;
/**
 * Loads the WebAssembly parser once per process (at the first parse, never at start-up); every other
 * function here needs it first. V8 compiles it with its baseline compiler only: the optimising tier
 * recompiles the 1.7 MB grammar on background threads while a lint of a few hundred files is already
 * over, which on two cores cost more CPU than it saved (a Prisma history of 823 files: 1.2 s → 0.9 s
 * of CPU, 145 → 123 MB peak RSS; bench/speed.mjs).
 */
export function loadParser() {
    if (!loaded) {
        setFlagsFromString('--liftoff-only');
        loaded = loadModule();
    }
    return loaded;
}
function parseRaw(file) {
    const lexed = lexComments(file.text);
    const text = maskPlaceholders(file.text);
    // libpg-query reads a C string: whatever follows a NUL would silently go unchecked (PostgreSQL rejects the NUL)
    const nul = text.indexOf('\0');
    if (nul !== -1) {
        const before = tryParse(text.slice(0, nul));
        const index = before.ok ? nul : file.indexOfCodePoint(before.cursor);
        if (!before.ok && index < nul)
            return { lexed, stmts: parsePrefix(text, lexed.semicolons, index), error: { message: before.message, index } };
        return { lexed, stmts: parsePrefix(text, lexed.semicolons, nul), error: { message: 'invalid byte sequence for encoding "UTF8": 0x00 (a NUL character; nothing after it is checked)', index: nul } };
    }
    if (text.length > CHUNK_CHARS)
        return { lexed, ...parseInChunks(text, lexed.semicolons) };
    const attempt = tryParse(text);
    if (attempt.ok)
        return { lexed, stmts: attempt.stmts };
    const index = file.indexOfCodePoint(attempt.cursor);
    return { lexed, stmts: parsePrefix(text, lexed.semicolons, index), error: { message: attempt.message, index } };
}
/** Parses a file; a syntax error never throws: the statements before it are kept and the error reported. */
export function parseSource(file) {
    const result = parseRaw(file);
    const { lexed } = result;
    const comments = lexed.comments.slice();
    if (lexed.unterminatedAt !== undefined) {
        // Past an unterminated quote nothing is lexable; whole-line `--` comments there still count, so
        // that a file-level directive below a typo is not lost.
        const from = lexed.unterminatedAt;
        for (const c of lineComments(file.text.slice(from)))
            comments.push({ text: c.text, start: c.start + from, end: c.end + from });
    }
    const commentAt = new Map(comments.map((c) => [c.start, c]));
    const directives = [];
    for (const comment of comments) {
        const directive = parseDirective(comment.text);
        if (directive)
            directives.push({ directive, comment });
    }
    const raw = result.stmts;
    let syntaxError;
    if (result.error) {
        const errorIndex = result.error.index;
        syntaxError = {
            message: result.error.message,
            index: errorIndex,
            range: { start: file.positionAt(errorIndex), end: file.positionAt(errorIndex) },
        };
        // PostgreSQL noticed only at end of input (an unclosed parenthesis, a missing END): point there, just
        // after the last thing written, where the SQL stops too early, not at the end of an earlier line
        if (errorIndex >= file.text.length) {
            const end = file.text.trimEnd().length;
            syntaxError.index = end;
            syntaxError.range = { start: file.positionAt(end), end: file.positionAt(end) };
        }
    }
    const statements = [];
    let previousEnd = 0;
    for (const r of raw) {
        if (!r.stmt)
            continue;
        const startByte = r.stmt_location ?? 0;
        const start = skipToContent(file.text, file.indexOfByte(startByte), commentAt);
        const end = statementEnd(file, r);
        const leading = directives.filter((d) => d.comment.start >= previousEnd && d.comment.end <= start);
        statements.push(makeStatement(file, r.stmt, start, end, 0, (loc) => file.indexOfByte(loc), leading));
        previousEnd = end;
    }
    return { file, statements, comments, directives, syntaxError };
}
export function makeStatement(file, node, start, end, locationBase, sourceOfLocation, directives, parent) {
    return {
        node,
        kind: nodeKind(node),
        start,
        end,
        locationBase,
        sourceOfLocation,
        range: { start: file.positionAt(start), end: file.positionAt(end) },
        text: file.text.slice(start, end),
        directives,
        parent,
    };
}
function tryParse(text) {
    if (text.trim() === '')
        return { ok: true, stmts: [] };
    try {
        return { ok: true, stmts: (parseSync(text).stmts ?? []) };
    }
    catch (error) {
        const details = error.sqlDetails;
        // the WebAssembly module throws plain objects for some failures: never show "[object Object]"
        const thrown = error?.message;
        const message = details?.message ?? (typeof thrown === 'string' ? thrown : 'the SQL parser failed on this file');
        return { ok: false, message, cursor: details?.cursorPosition ?? 0 };
    }
}
/**
 * Above this many characters a file is parsed in pieces cut at top-level `;`: libpg-query's WebAssembly
 * heap runs out on one call with tens of megabytes (it aborts with a memory dump on stdout).
 */
const CHUNK_CHARS = 1 << 20;
/** Pieces that failed only because the cut fell inside a statement (BEGIN ATOMIC … END) are extended this often. */
const MAX_EXTENSIONS = 64;
function parseInChunks(text, semicolons) {
    const stmts = [];
    let start = 0;
    let startByte = 0;
    let k = 0;
    // the first `;` boundary at or after `at`, else the end of the text (past an unterminated quote there are none)
    const boundaryFrom = (at) => {
        while (k < semicolons.length && semicolons[k] < at)
            k++;
        return k < semicolons.length ? semicolons[k] : text.length;
    };
    const shifted = (list, byteBase) => list.map((r) => ({ ...r, stmt_location: (r.stmt_location ?? 0) + byteBase }));
    while (start < text.length) {
        let end = boundaryFrom(start + CHUNK_CHARS);
        for (let extensions = 0;; extensions++) {
            const piece = text.slice(start, end);
            const attempt = tryParse(piece);
            if (attempt.ok) {
                stmts.push(...shifted(attempt.stmts, startByte));
                startByte += Buffer.byteLength(piece, 'utf8');
                start = end;
                break;
            }
            const index = start + indexOfCodePointIn(piece, attempt.cursor);
            if (index >= end - 1 && end < text.length && extensions < MAX_EXTENSIONS) {
                end = boundaryFrom(end + 1);
                continue;
            }
            // a real syntax error: keep the statements of this piece before it, as parsePrefix does for a whole file
            for (let i = semicolons.length - 1; i >= 0; i--) {
                if (semicolons[i] > index || semicolons[i] <= start)
                    continue;
                const before = tryParse(text.slice(start, semicolons[i]));
                if (before.ok) {
                    stmts.push(...shifted(before.stmts, startByte));
                    break;
                }
            }
            return { stmts, error: { message: attempt.message, index } };
        }
    }
    return { stmts };
}
/** UTF-16 index in `text` of a 0-based code point offset (PostgreSQL's error cursor counts characters). */
function indexOfCodePointIn(text, codePoints) {
    let index = 0;
    for (let n = 0; n < codePoints && index < text.length; n++) {
        const code = text.charCodeAt(index);
        index += code >= 0xd800 && code <= 0xdbff ? 2 : 1;
    }
    return index;
}
/**
 * Flyway (and Liquibase) placeholders such as `${flyway:defaultSchema}.users` are replaced before the
 * run; `${` is never valid SQL outside a literal, so each is read as a quoted identifier of the same
 * length (`"$flyway:defaultSchema"`), keeping every offset, instead of failing the whole file.
 */
function maskPlaceholders(text) {
    return text.includes('${') ? text.replace(/\$\{([^{}"\n]*)\}/g, (_, name) => `"$${name}"`) : text;
}
/** The statements that precede a syntax error: the text up to the last top-level `;` before it. */
function parsePrefix(text, semicolons, errorIndex) {
    // Walk back over semicolons until a prefix parses (a `;` inside BEGIN ATOMIC … END is not a boundary).
    for (let i = semicolons.length - 1; i >= 0; i--) {
        const endIndex = semicolons[i];
        if (endIndex > errorIndex)
            continue;
        const attempt = tryParse(text.slice(0, endIndex));
        if (attempt.ok)
            return attempt.stmts;
    }
    return [];
}
function statementEnd(file, r) {
    const startByte = r.stmt_location ?? 0;
    const end = r.stmt_len ? file.indexOfByte(startByte + r.stmt_len) : file.text.length;
    let e = end;
    while (e > 0 && /\s/.test(file.text[e - 1]))
        e--;
    return e;
}
/** First index at or after `index` that is neither white space nor inside a comment. */
function skipToContent(text, index, commentAt) {
    let i = index;
    for (;;) {
        while (i < text.length && /\s/.test(text[i]))
            i++;
        const comment = commentAt.get(i);
        if (!comment)
            return i;
        i = comment.end;
    }
}
