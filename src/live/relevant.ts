import type { LiveFacts } from './facts.js';

const WORD = /"((?:[^"]|"")+)"|([A-Za-z_][A-Za-z0-9_$]*)/g;

/** Identifiers of a text, as PostgreSQL folds them (quoted kept as written, bare lower-cased). */
function identifiers(text: string): Set<string> {
  const out = new Set<string>();
  for (const m of text.matchAll(WORD)) out.add(m[1] !== undefined ? m[1].replace(/""/g, '"') : m[2].toLowerCase());
  return out;
}

/**
 * The tables the migrations can need: every table whose name the migrations' text contains (a word
 * that is also a table's name only costs time), closed over foreign keys (both ways) and partitioning.
 */
export function relevantTables(facts: { tables: Record<string, unknown>; links: LiveFacts['links'] }, texts: readonly string[]): Set<string> {
  const byName = new Map<string, string[]>();
  for (const key of Object.keys(facts.tables)) {
    const name = key.slice(key.indexOf('.') + 1);
    byName.set(name, [...(byName.get(name) ?? []), key]);
  }
  const wanted = new Set<string>();
  for (const text of texts) for (const w of identifiers(text)) for (const key of byName.get(w) ?? []) wanted.add(key);
  const neighbours = new Map<string, string[]>();
  for (const [a, b] of facts.links) {
    neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
    neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
  }
  const queue = [...wanted];
  while (queue.length > 0) {
    for (const next of neighbours.get(queue.pop()!) ?? []) {
      if (wanted.has(next)) continue;
      wanted.add(next);
      queue.push(next);
    }
  }
  return wanted;
}

const IDENT = String.raw`(?:"(?:[^"]|"")+"|[a-z_][a-z0-9_$]*)`;
const NAME = new RegExp(String.raw`(${IDENT})\.(${IDENT})`, 'g');
const unquote = (part: string) => (part.startsWith('"') ? part.slice(1, -1).replace(/""/g, '"') : part);

/** The tables a catalog statement is about (catalogDdl's spelling: `schema.name` after TABLE, ON, PARTITION). */
function owners(ddl: string): string[] {
  const head = /^(?:CREATE (?:UNLOGGED )?TABLE|ALTER TABLE|CREATE (?:UNIQUE )?INDEX \S+ ON(?: ONLY)?|CREATE POLICY \S+ ON) /.exec(ddl);
  if (!head) return [];
  NAME.lastIndex = head[0].length;
  const first = NAME.exec(ddl);
  if (!first || first.index !== head[0].length) return [];
  const out = [`${unquote(first[1])}.${unquote(first[2])}`];
  const attach = / ATTACH PARTITION /.exec(ddl);
  if (attach) {
    NAME.lastIndex = attach.index + attach[0].length;
    const child = NAME.exec(ddl);
    if (child) out.push(`${unquote(child[1])}.${unquote(child[2])}`);
  }
  return out;
}

/**
 * The catalog statements the migrations can need: those about the relevant tables, and everything not
 * about a table (types, domains, functions, views). A database of thousands of tables is seeded with
 * the few a migration touches, so the start-up does not grow with the database. The same selection as
 * `catalogDdl(db, [...relevantTables(…)])` makes on the server, so a stats file and a connection seed
 * the same model.
 */
export function relevantCatalog(facts: LiveFacts, texts: readonly string[]): string[] {
  const wanted = relevantTables(facts, texts);
  return facts.catalog.filter((ddl) => {
    const about = owners(ddl).filter((k) => facts.tables[k] !== undefined);
    return about.length === 0 || about.some((k) => wanted.has(k));
  });
}
