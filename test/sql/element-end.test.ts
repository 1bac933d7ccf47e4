import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadParser, parseSource } from '../../src/sql/parser.js';
import { SourceFile } from '../../src/sql/source.js';
import { quickElementLength, scannedElementLength } from '../../src/sql/element-end.js';
import { scanTokens } from '../../src/sql/tokens.js';

const root = resolve(import.meta.dirname, '../..');
const corpus = [process.env.PGWARDEN_CORPUS, resolve(root, '../shared/corpus/postgres-regress'), '/work/shared/corpus/postgres-regress'].find(
  (dir): dir is string => dir !== undefined && existsSync(dir),
);

beforeAll(() => loadParser());

describe('elementLength without the WebAssembly lexer', () => {
  // comments are tokens to PostgreSQL's scanner: one before the delimiter belongs to the element
  it.each([
    ['"id" SERIAL NOT NULL, "name" TEXT', 20],
    ['numeric(10, 2) NOT NULL DEFAULT 0 )', 33],
    ["text DEFAULT 'a, b' -- a comment, still\n, x int", 39],
    ["text DEFAULT E'it\\'s, here' /* a, b */ , x int", 38],
    ['"we""ird, name" int /* nested /* , */ , */;', 42],
    ['int[] CHECK (x > 0)', 19],
    ['  ', 2],
  ])('%j is %i long', (text, length) => {
    expect(quickElementLength(text)).toBe(length);
    expect(scannedElementLength(text)).toBe(length);
  });

  it('leaves dollar quotes, parameters and unterminated text to PostgreSQL', () => {
    expect(quickElementLength('$$ a, b $$, c')).toBeUndefined();
    expect(quickElementLength('$1, $2')).toBeUndefined();
    expect(quickElementLength("'unterminated, x")).toBeUndefined();
    expect(quickElementLength('/* open, x')).toBeUndefined();
    expect(quickElementLength('a$b, c')).toBe(3);
  });

  // The two must agree wherever a finding can start (a token) in PostgreSQL's own regression scripts:
  // every statement, from its first tokens and from tokens spread over it.
  it.skipIf(corpus === undefined)('agrees with PostgreSQL\'s lexer from the tokens of the regression scripts', async () => {
    let compared = 0;
    const disagreements: string[] = [];
    for (const name of (await readdir(corpus!)).filter((f) => f.endsWith('.sql')).sort()) {
      const text = await readFile(join(corpus!, name), 'utf8');
      for (const statement of parseSource(new SourceFile(name, text)).statements) {
        if (statement.text.length > 1000) continue;
        const tokens = scanTokens(statement.text);
        if (!tokens) continue;
        const bytes = Buffer.from(statement.text, 'utf8');
        const step = Math.max(1, Math.floor(tokens.length / 2));
        for (let t = 0; t < tokens.length; t += t < 3 ? 1 : step) {
          const from = bytes.subarray(0, tokens[t].start).toString('utf8').length;
          const rest = statement.text.slice(from);
          const quick = quickElementLength(rest);
          if (quick === undefined) continue;
          compared++;
          const exact = scannedElementLength(rest);
          if (quick !== exact) disagreements.push(`${name}: ${JSON.stringify(rest.slice(0, 80))}: ${quick} ≠ ${exact}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
    expect(compared).toBeGreaterThan(5_000);
  }, 240_000);
});
