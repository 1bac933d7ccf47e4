import type { LiveFacts } from './facts.js';
/**
 * The tables the migrations can need: every table whose name the migrations' text contains (a word
 * that is also a table's name only costs time), closed over foreign keys (both ways) and partitioning.
 */
export declare function relevantTables(facts: {
    tables: Record<string, unknown>;
    links: LiveFacts['links'];
}, texts: readonly string[]): Set<string>;
/**
 * The catalog statements the migrations can need: those about the relevant tables, and everything not
 * about a table (types, domains, functions, views). A database of thousands of tables is seeded with
 * the few a migration touches, so the start-up does not grow with the database. The same selection as
 * `catalogDdl(db, [...relevantTables(…)])` makes on the server, so a stats file and a connection seed
 * the same model.
 */
export declare function relevantCatalog(facts: LiveFacts, texts: readonly string[]): string[];
