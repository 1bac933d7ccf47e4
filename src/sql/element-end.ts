import { scanTokens } from './tokens.js';

/**
 * Length (in UTF-16 units) of the list element that `text` starts with: up to the first comma or closing
 * parenthesis at its own nesting depth, or the whole text. A finding about one column of a CREATE TABLE,
 * or one subcommand of an ALTER TABLE, ends where that element ends, not at the end of the statement.
 */
export function elementLength(text: string): number {
  const tokens = scanTokens(text);
  if (!tokens) return text.length;
  let depth = 0;
  let endByte: number | undefined;
  for (const t of tokens) {
    if (t.text === '(' || t.text === '[') depth++;
    else if (t.text === ')' || t.text === ']') depth--;
    if (depth < 0 || (depth === 0 && (t.text === ',' || t.text === ';'))) break;
    endByte = t.end;
  }
  if (endByte === undefined) return text.length;
  return Buffer.from(text, 'utf8').subarray(0, endByte).toString('utf8').length;
}
