import { scanSync } from 'libpg-query';
/** The tokens of `text`, or undefined when the lexer fails on it (callers then fall back to coarser ranges). */
export function scanTokens(text) {
    try {
        return scanSync(text).tokens;
    }
    catch {
        return undefined;
    }
}
/** An identifier token as PostgreSQL folds it: a quoted one as written (`""` unescaped), others lower-cased. */
export function identifierText(token) {
    return token.text.startsWith('"') ? token.text.slice(1, -1).replace(/""/g, '"') : token.text.toLowerCase();
}
