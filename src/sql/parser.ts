import { loadModule, parseSync, scanSync } from 'libpg-query';
import type { Node } from '@pgsql/types';
import { SourceFile, type Range } from './source.js';
import { parseDirective, lineComments, type Comment, type LocatedDirective } from './directives.js';
import { nodeKind } from './ast.js';

let loaded: Promise<void> | undefined;

/** Loads the WebAssembly parser once per process; every other function here needs it first. */
export function loadParser(): Promise<void> {
  loaded ??= loadModule();
  return loaded;
}

export interface Statement {
  /** The parsed statement, e.g. `{ AlterTableStmt: {...} }`. */
  node: Node;
  /** Its tag, e.g. `AlterTableStmt`. */
  kind: string;
  /** Position in the file: UTF-16 indexes of the statement's first and last character (exclusive). */
  start: number;
  end: number;
  /** UTF-8 byte offset that node `location` fields are relative to (the file or the DO body's query). */
  locationBase: number;
  /** `locationBase` in the file's UTF-8 bytes is only right for top-level statements; nested ones map here. */
  sourceOfLocation: (location: number) => number;
  range: Range;
  text: string;
  /** Directives in the comments just before this statement. */
  directives: LocatedDirective[];
  /** Set for a statement found inside a DO block's PL/pgSQL body. */
  parent?: Statement;
}

export interface SyntaxProblem {
  message: string;
  /** UTF-16 index in the file. */
  index: number;
  range: Range;
}

export interface ParsedFile {
  file: SourceFile;
  statements: Statement[];
  comments: Comment[];
  /** Directives of the whole file (every directive comment, wherever it stands). */
  directives: LocatedDirective[];
  syntaxError?: SyntaxProblem;
}

interface RawStatement {
  stmt?: Node;
  stmt_location?: number;
  stmt_len?: number;
}

interface Token {
  start: number;
  end: number;
  tokenName: string;
  text: string;
}

/** Parses a file; a syntax error never throws: the statements before it are kept and the error reported. */
export function parseSource(file: SourceFile): ParsedFile {
  const tokens = scanTokens(file.text);
  const comments = tokens
    ? tokens
        .filter((t) => t.tokenName === 'SQL_COMMENT' || t.tokenName === 'C_COMMENT')
        .map((t) => ({ text: t.text, start: file.indexOfByte(t.start), end: file.indexOfByte(t.end) }))
    : lineComments(file.text);
  const commentAt = new Map(comments.map((c) => [c.start, c]));
  const directives: LocatedDirective[] = [];
  for (const comment of comments) {
    const directive = parseDirective(comment.text);
    if (directive) directives.push({ directive, comment });
  }

  let raw: RawStatement[] = [];
  let syntaxError: SyntaxProblem | undefined;
  const attempt = tryParse(file.text);
  if (attempt.ok) {
    raw = attempt.stmts;
  } else {
    const errorIndex = file.indexOfCodePoint(attempt.cursor);
    syntaxError = {
      message: attempt.message,
      index: errorIndex,
      range: { start: file.positionAt(errorIndex), end: file.positionAt(errorIndex) },
    };
    raw = parsePrefix(file, tokens, errorIndex);
    // Report the error at the start of the failing statement's token, not the end of the file, when the
    // parser only noticed at end of input.
    if (errorIndex >= file.text.length) {
      const lastStart = raw.length > 0 ? statementEnd(file, raw[raw.length - 1]) : 0;
      const after = skipToContent(file.text, lastStart, commentAt);
      if (after < file.text.length) {
        syntaxError.index = after;
        syntaxError.range = { start: file.positionAt(after), end: file.positionAt(file.text.length) };
      }
    }
  }

  const statements: Statement[] = [];
  let previousEnd = 0;
  for (const r of raw) {
    if (!r.stmt) continue;
    const startByte = r.stmt_location ?? 0;
    const start = skipToContent(file.text, file.indexOfByte(startByte), commentAt);
    const end = statementEnd(file, r);
    const leading = directives.filter((d) => d.comment.start >= previousEnd && d.comment.end <= start);
    statements.push(makeStatement(file, r.stmt, start, end, 0, (loc) => file.indexOfByte(loc), leading));
    previousEnd = end;
  }
  return { file, statements, comments, directives, syntaxError };
}

export function makeStatement(
  file: SourceFile,
  node: Node,
  start: number,
  end: number,
  locationBase: number,
  sourceOfLocation: (location: number) => number,
  directives: LocatedDirective[],
  parent?: Statement,
): Statement {
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

type ParseAttempt = { ok: true; stmts: RawStatement[] } | { ok: false; message: string; cursor: number };

function tryParse(text: string): ParseAttempt {
  if (text.trim() === '') return { ok: true, stmts: [] };
  try {
    return { ok: true, stmts: (parseSync(text).stmts ?? []) as RawStatement[] };
  } catch (error) {
    const details = (error as { sqlDetails?: { message?: string; cursorPosition?: number } }).sqlDetails;
    const message = details?.message ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, message, cursor: details?.cursorPosition ?? 0 };
  }
}

function scanTokens(text: string): Token[] | null {
  if (text.trim() === '') return [];
  try {
    return scanSync(text).tokens as Token[];
  } catch {
    return null;
  }
}

/** The statements that precede a syntax error: the text up to the last top-level `;` before it. */
function parsePrefix(file: SourceFile, tokens: Token[] | null, errorIndex: number): RawStatement[] {
  let semicolons: number[];
  if (tokens) {
    semicolons = tokens.filter((t) => t.text === ';' && t.tokenName === 'ASCII_59').map((t) => t.end);
  } else {
    return [];
  }
  // Walk back over semicolons until a prefix parses (a `;` inside BEGIN ATOMIC … END is not a boundary).
  for (let i = semicolons.length - 1; i >= 0; i--) {
    const endIndex = file.indexOfByte(semicolons[i]);
    if (endIndex > errorIndex) continue;
    const attempt = tryParse(file.text.slice(0, endIndex));
    if (attempt.ok) return attempt.stmts;
  }
  return [];
}

function statementEnd(file: SourceFile, r: RawStatement): number {
  const startByte = r.stmt_location ?? 0;
  const end = r.stmt_len ? file.indexOfByte(startByte + r.stmt_len) : file.text.length;
  let e = end;
  while (e > 0 && /\s/.test(file.text[e - 1])) e--;
  return e;
}

/** First index at or after `index` that is neither white space nor inside a comment. */
function skipToContent(text: string, index: number, commentAt: Map<number, Comment>): number {
  let i = index;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    const comment = commentAt.get(i);
    if (!comment) return i;
    i = comment.end;
  }
}
