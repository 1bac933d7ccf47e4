import { scanSync } from 'libpg-query';
import { beforeAll, describe, expect, it } from 'vitest';
import { lexComments } from '../../src/sql/comments.js';
import { loadParser, parseSource } from '../../src/sql/parser.js';
import { SourceFile } from '../../src/sql/source.js';

beforeAll(() => loadParser());

const commentTexts = (sql: string) => lexComments(sql).comments.map((c) => c.text);

/** Comments and `;` ends as PostgreSQL's own scanner (libpg-query) sees them, in UTF-16 indexes. */
function scannerView(sql: string) {
  const file = new SourceFile('', sql);
  const tokens = scanSync(sql).tokens as { start: number; end: number; text: string; tokenName: string }[];
  return {
    comments: tokens
      .filter((t) => t.tokenName === 'SQL_COMMENT' || t.tokenName === 'C_COMMENT')
      .map((t) => ({ text: t.text, start: file.indexOfByte(t.start), end: file.indexOfByte(t.end) })),
    semicolons: tokens.filter((t) => t.tokenName === 'ASCII_59').map((t) => file.indexOfByte(t.end)),
  };
}

// Each case hides a comment marker where it is not a comment, or a comment where a naive search misses it.
const cases: { why: string; sql: string; comments: string[] }[] = [
  { why: 'line and block comments', sql: 'SELECT 1; -- one\n/* two */ SELECT 2;', comments: ['-- one', '/* two */'] },
  { why: "'' escapes keep a quote inside the string", sql: "SELECT 'it''s -- not a comment'; -- real", comments: ['-- real'] },
  { why: 'a plain string ends at a quote after a backslash', sql: "SELECT 'C:\\'; -- real", comments: ['-- real'] },
  { why: "E'' strings take backslash escapes", sql: "SELECT E'\\' -- still string'; -- real", comments: ['-- real'] },
  { why: "lower-case e'' too, with '' escapes", sql: "SELECT e'a''b\\\\'; /* real */", comments: ['/* real */'] },
  { why: "a word ending in e before a quote is not an E'' string", sql: "SELECT 1 AS some'\\'; -- real", comments: ['-- real'] },
  { why: 'B, X, N and U& prefixed strings', sql: "SELECT B'01', X'1F', N'--n', U&'d\\0061--'; -- real", comments: ['-- real'] },
  { why: 'dollar quotes are verbatim', sql: "SELECT $$ -- no ' /* no $$; -- real", comments: ['-- real'] },
  { why: 'tagged dollar quotes close only with the same tag', sql: 'SELECT $fn$ $$ -- no $x$ $fn$; -- real', comments: ['-- real'] },
  { why: 'a tag that merely ends like the delimiter does not close', sql: 'SELECT $a$ $ba$ -- no $a$; -- real', comments: ['-- real'] },
  { why: 'a $ inside an identifier starts no dollar quote', sql: 'SELECT a$b$ -- real\n, 1;', comments: ['-- real'] },
  { why: 'parameters are not dollar quotes', sql: 'SELECT $1 -- real\n, $2$x$ -- no $x$;', comments: ['-- real'] },
  { why: "a parameter ends at its digits: $1E'…' is an E'' string", sql: "SELECT $1E'\\'--'; -- real", comments: ['-- real'] },
  { why: 'a $ after a number starts a dollar quote', sql: 'SELECT 1$q$ -- no $q$; -- real', comments: ['-- real'] },
  { why: 'double-quoted identifiers with "" escapes', sql: 'SELECT 1 AS "a""--b", 2 AS U&"/*"; -- real', comments: ['-- real'] },
  { why: 'block comments nest', sql: 'SELECT /* a /* b */ -- c */ 1; -- real', comments: ['/* a /* b */ -- c */', '-- real'] },
  { why: '/*/ does not close a comment', sql: 'SELECT /*/ x */ 1;', comments: ['/*/ x */'] },
  { why: 'a comment ends an operator', sql: 'SELECT 1+--two\n2, 3*/*x*/4;', comments: ['--two', '/*x*/'] },
  { why: 'a -- comment stops before \\r\\n', sql: 'SELECT 1; -- crlf\r\nSELECT 2;', comments: ['-- crlf'] },
  { why: 'quotes inside comments are ignored', sql: "-- it's\n/* \"x */ SELECT ';';", comments: ["-- it's", '/* "x */'] },
  { why: 'non-ASCII text before comments', sql: "SELECT 'é☃😀' AS ñ; -- après", comments: ['-- après'] },
];

describe('lexComments', () => {
  for (const c of cases) {
    it(c.why, () => {
      expect(commentTexts(c.sql)).toEqual(c.comments);
      // PostgreSQL's scanner is the oracle for positions and statement ends, not only texts.
      const { comments, semicolons } = lexComments(c.sql);
      expect({ comments, semicolons }).toEqual(scannerView(c.sql));
    });
  }

  it('agrees with PostgreSQL\'s scanner on random mixes of the tricky pieces', () => {
    const pieces = [
      "'a''b'", "E'\\''", "e'x\\\\'", "B'01'", "U&'--'", '"q""--"', '$$ -- $$', '$t$ /* $t$', '$1', 'a$b$', '1',
      '/* x /* y */ z */', '-- line\n', '--\r\n', ';', ' ', '\n', 'SELECT', 'e', '+', '*', '/', '-', 'é', '😀', '$', '.',
    ];
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    let compared = 0;
    for (let round = 0; round < 400; round++) {
      let sql = '';
      for (let k = next() % 12; k >= 0; k--) sql += pieces[next() % pieces.length];
      let expected;
      try {
        expected = scannerView(sql);
      } catch {
        continue; // PostgreSQL rejects the mix (e.g. a lone $ before a quote opened a dollar quote)
      }
      const { comments, semicolons } = lexComments(sql);
      expect({ sql, comments, semicolons }).toEqual({ sql, ...expected });
      compared++;
    }
    expect(compared).toBeGreaterThan(200);
  });

  it('gives UTF-16 indexes of each comment', () => {
    const sql = "SELECT '😀'; -- x";
    expect(lexComments(sql).comments).toEqual([{ text: '-- x', start: sql.indexOf('--'), end: sql.length }]);
  });

  it('lists the end of every top-level semicolon', () => {
    const sql = "SELECT ';'; SELECT $$;$$; /* ; */ SELECT \";\";";
    expect(lexComments(sql).semicolons).toEqual([11, 25, sql.length]);
  });

  it('stops at an unterminated string, identifier, dollar quote or comment', () => {
    expect(lexComments("SELECT 1; -- a\nSELECT 'oops; -- b")).toMatchObject({ unterminatedAt: 22, semicolons: [9] });
    expect(lexComments('SELECT "oops').unterminatedAt).toBe(7);
    expect(lexComments("SELECT E'\\'").unterminatedAt).toBe(7);
    expect(lexComments('SELECT $t$ body $$').unterminatedAt).toBe(7);
    expect(lexComments('SELECT 1 /* a /* b */').unterminatedAt).toBe(9);
    expect(lexComments('SELECT 1;').unterminatedAt).toBeUndefined();
  });
});

describe('parseSource with the comment lexer', () => {
  it('ignores directive-like text inside strings and dollar quotes', () => {
    const sql = [
      "SELECT '-- pgwarden-ignore ban-drop-table';",
      'DO $$ BEGIN -- pgwarden:no-transaction',
      'END $$;',
      '-- pgwarden-ignore ban-drop-table: legacy',
      'DROP TABLE t;',
    ].join('\n');
    const parsed = parseSource(new SourceFile('m.sql', sql));
    expect(parsed.directives.map((d) => d.comment.text)).toEqual(['-- pgwarden-ignore ban-drop-table: legacy']);
    expect(parsed.statements[2].directives.map((d) => d.directive.type)).toEqual(['ignore']);
  });

  it('keeps the statements before a syntax error (a ; inside a string is no boundary)', () => {
    const parsed = parseSource(new SourceFile('m.sql', "CREATE TABLE a (x text DEFAULT ';');\nDROP TABLE a;\n\\set x 1\nDROP TABLE b;"));
    expect(parsed.syntaxError?.message).toMatch(/syntax error at or near "\\"/);
    expect(parsed.statements.map((s) => s.kind)).toEqual(['CreateStmt', 'DropStmt']);
  });

  it('a syntax error at end of input points at the end of the input, after the last thing written', () => {
    const parsed = parseSource(new SourceFile('m.sql', 'SELECT 1;\nCREATE TABLE t (\n  id bigint,\n\n'));
    expect(parsed.syntaxError?.message).toBe('syntax error at end of input');
    expect(parsed.syntaxError?.range).toEqual({ start: { line: 3, column: 13 }, end: { line: 3, column: 13 } });
    expect(parsed.statements.map((s) => s.kind)).toEqual(['SelectStmt']);
    const unclosed = parseSource(new SourceFile('m.sql', 'SELECT 1;\nSELECT ('));
    expect(unclosed.syntaxError?.range.start).toEqual({ line: 2, column: 9 });
  });

  it('keeps whole-line directives after an unterminated quote, and the statements before it', () => {
    const sql = "-- pgwarden:no-transaction\nDROP TABLE a;\nSELECT 'oops;\n-- pgwarden-ignore-file ban-drop-table\n";
    const parsed = parseSource(new SourceFile('m.sql', sql));
    expect(parsed.syntaxError).toBeDefined();
    expect(parsed.statements.map((s) => s.kind)).toEqual(['DropStmt']);
    expect(parsed.directives.map((d) => d.directive.type)).toEqual(['no-transaction', 'ignore-file']);
  });

  it('starts a statement after the comments that precede it', () => {
    const sql = '/* a /* nested */ b */ -- c\nSELECT 1;';
    const [statement] = parseSource(new SourceFile('m.sql', sql)).statements;
    expect(statement.start).toBe(sql.indexOf('SELECT'));
    expect(statement.range.start).toEqual({ line: 2, column: 1 });
  });
});
