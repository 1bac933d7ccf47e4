import { scanSync } from 'libpg-query';

/** A token of PostgreSQL's lexer: UTF-8 byte offsets into the scanned text. */
export interface Token {
  start: number;
  end: number;
  text: string;
  /** The lexer's token kind: `IDENT`, `SCONST`, a keyword's name… */
  tokenName: string;
}

/** The tokens of `text`, or undefined when the lexer fails on it (callers then fall back to coarser ranges). */
export function scanTokens(text: string): Token[] | undefined {
  try {
    return scanSync(text).tokens as Token[];
  } catch {
    return undefined;
  }
}

/** An identifier token as PostgreSQL folds it: a quoted one as written (`""` unescaped), others lower-cased. */
export function identifierText(token: Token): string {
  return token.text.startsWith('"') ? token.text.slice(1, -1).replace(/""/g, '"') : token.text.toLowerCase();
}
