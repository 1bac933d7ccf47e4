import { describe, expect, it } from 'vitest';
import { relevantCatalog } from '../../src/live/relevant.js';
import { driftFindings, MAX_DRIFT_FINDINGS } from '../../src/live/drift.js';
import { SchemaModel } from '../../src/analysis/schema.js';
import { seedSchemaFromDdl } from '../../src/analysis/catalog-seed.js';
import { loadParser } from '../../src/sql/parser.js';
import { STATS_FORMAT, type LiveFacts, type TableFacts } from '../../src/live/facts.js';

const table: TableFacts = { rows: 1, tableBytes: 8192, indexBytes: 0, totalBytes: 8192, writesPerSecond: 0, scansPerSecond: 0, modifiedSinceAnalyze: 0, sessions: 0 };
const facts = (catalog: string[], names: string[], links: Array<[string, string]> = []): LiveFacts => ({
  pgwarden: 'stats', format: STATS_FORMAT, takenAt: new Date().toISOString(), database: 'shop', server: { major: 15, num: 150000 }, statsSince: new Date().toISOString(),
  catalog, tables: Object.fromEntries(names.map((n) => [`public.${n}`, table])), links,
});

describe('the catalog a migration needs', () => {
  const catalog = [
    'CREATE TYPE public.state AS ENUM (\'a\', \'b\')',
    'CREATE TABLE public.users (id bigint NOT NULL)',
    'CREATE TABLE public.orders (id bigint NOT NULL, user_id bigint)',
    'CREATE TABLE public.audit (id bigint NOT NULL)',
    'ALTER TABLE public.orders ADD CONSTRAINT orders_user_id_fkey FOREIGN KEY (user_id) REFERENCES users(id)',
    'CREATE INDEX audit_id_idx ON public.audit USING btree (id)',
  ];
  const links: Array<[string, string]> = [['public.orders', 'public.users']];
  it('is the tables the migration names, closed over foreign keys and partitions, and every type', () => {
    expect(relevantCatalog(facts(catalog, ['users', 'orders', 'audit'], links), ['CREATE INDEX ON Orders (user_id);'])).toEqual([catalog[0], catalog[1], catalog[2], catalog[4]]);
    // the other way round too: a table referencing the one the migration names
    expect(relevantCatalog(facts(catalog, ['users', 'orders', 'audit'], links), ['DELETE FROM users;'])).toEqual([catalog[0], catalog[1], catalog[2], catalog[4]]);
    expect(relevantCatalog(facts(catalog, ['users', 'orders', 'audit'], links), ['ALTER TABLE "audit" ADD COLUMN x int;'])).toEqual([catalog[0], catalog[3], catalog[5]]);
  });
});

describe('drift', () => {
  it('is one finding per table up to a limit, then one that counts them; none when no migration creates a database table', async () => {
    await loadParser();
    const names = Array.from({ length: MAX_DRIFT_FINDINGS + 5 }, (_, i) => `t${i}`);
    const f = facts([], [...names, 'users']);
    const schema = new SchemaModel();
    expect(driftFindings(schema, f, '001.sql')).toEqual([]);
    schema.at({ file: 0, transaction: 0 });
    seedSchemaFromDdl(schema, []);
    const { parseSource } = await import('../../src/sql/parser.js');
    const { SourceFile } = await import('../../src/sql/source.js');
    for (const s of parseSource(new SourceFile('001.sql', 'CREATE TABLE users (id bigint);')).statements) schema.apply(s);
    const few = driftFindings(schema, facts([], ['t0', 'users']), '001.sql');
    expect(few.map((d) => d.message)).toEqual(['Table public.t0 (~1 rows, 8.0 kB) exists in database shop but no migration creates it: it was made by hand or by a migration applied from elsewhere.']);
    const many = driftFindings(schema, f, '001.sql');
    expect(many).toHaveLength(1);
    expect(many[0].message).toMatch(/^25 tables exist in database shop but no migration creates them \(public\.t0, public\.t1, .*public\.t19, …\)/);
  });
});
