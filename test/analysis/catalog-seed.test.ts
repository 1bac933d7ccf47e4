import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { SourceFile } from '../../src/sql/source.js';
import { loadParser, parseSource } from '../../src/sql/parser.js';
import { SchemaModel } from '../../src/analysis/schema.js';
import { catalogDdl, seedSchemaFromCatalog } from '../../src/analysis/catalog-seed.js';

const MIGRATION = `
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE SCHEMA app;
CREATE TABLE app.customers (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code varchar(20) UNIQUE, name text NOT NULL);
CREATE TABLE orders (
  id bigserial PRIMARY KEY,
  customer_id bigint NOT NULL REFERENCES app.customers (id),
  total numeric(12, 2) NOT NULL DEFAULT 0 CHECK (total >= 0),
  token uuid DEFAULT gen_random_uuid(),
  created_at timestamptz NOT NULL DEFAULT now(),
  feeling mood,
  doubled numeric GENERATED ALWAYS AS (total * 2) STORED
);
ALTER TABLE orders ADD CONSTRAINT orders_token_nn CHECK (token IS NOT NULL) NOT VALID;
CREATE INDEX orders_customer_created_idx ON orders (customer_id, created_at DESC);
CREATE UNIQUE INDEX orders_token_idx ON orders (lower(token::text)) WHERE token IS NOT NULL;
CREATE TABLE events (id int, k int) PARTITION BY LIST (k);
CREATE TABLE events_1 PARTITION OF events FOR VALUES IN (1);
CREATE UNLOGGED TABLE scratch (x int);
CREATE VIEW order_totals AS SELECT customer_id, sum(total) FROM orders GROUP BY 1;
CREATE DOMAIN app.email AS varchar(200) NOT NULL CONSTRAINT email_at CHECK (VALUE LIKE '%@%');
CREATE DOMAIN plain_label AS text;
CREATE POLICY customers_all ON app.customers USING (true);
CREATE FUNCTION app.next_code() RETURNS text LANGUAGE plpgsql VOLATILE AS $$ BEGIN RETURN md5(random()::text); END $$;
CREATE FUNCTION app.region() RETURNS text LANGUAGE plpgsql STABLE AS $$ BEGIN RETURN 'eu'; END $$;
`;

describe('seedSchemaFromCatalog', () => {
  let db: TestDatabase;
  let client: pg.Client;
  beforeAll(async () => {
    await loadParser();
    db = await createTestDatabase('pgwarden_seed');
    client = await db.client();
    await client.query(MIGRATION);
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('reads DDL the parser accepts', async () => {
    const ddl = await catalogDdl(client);
    expect(ddl.some((d) => d.startsWith('CREATE TABLE public.orders ('))).toBe(true);
    for (const text of ddl) expect(parseSource(new SourceFile('x.sql', `${text};`)).syntaxError, text).toBeUndefined();
  });

  it('knows the domains with constraints, the volatility of functions and which tables have policies', async () => {
    const seeded = new SchemaModel();
    await seedSchemaFromCatalog(seeded, client);
    expect(seeded.isConstrainedDomain('app.email')).toBe(true);
    expect(seeded.isConstrainedDomain('plain_label')).toBe(false);
    expect(seeded.functions.get('app.next_code')).toBe('volatile');
    expect(seeded.functions.get('region')).toBe('stable');
    expect(seeded.hasPolicies('app.customers')).toBe(true);
    expect(seeded.hasPolicies('orders')).toBe(false);
  });

  it('builds the same model as replaying the migration', async () => {
    const seeded = new SchemaModel();
    await seedSchemaFromCatalog(seeded, client);
    const replayed = new SchemaModel();
    for (const statement of parseSource(new SourceFile('m.sql', MIGRATION)).statements) replayed.apply(statement);

    const columns = (s: SchemaModel, t: string) =>
      [...s.table(t)!.columns.values()].map((c) => ({ name: c.name, type: c.type, notNull: c.notNull, volatility: c.default?.volatility, generated: c.generated }));
    for (const table of ['orders', 'app.customers', 'events', 'events_1', 'scratch']) {
      expect(columns(seeded, table), table).toEqual(columns(replayed, table));
    }
    const constraints = (s: SchemaModel) =>
      s.table('orders')!.constraints.map((c) => ({ name: c.name, type: c.type, columns: c.columns, references: c.references?.table, validated: c.validated, notNull: c.impliesNotNull })).sort((a, b) => a.name.localeCompare(b.name));
    expect(constraints(seeded)).toEqual(constraints(replayed));
    const indexes = (s: SchemaModel) =>
      s.indexesOn('orders').map((i) => ({ name: i.name, keys: i.keys, unique: i.unique, partial: i.partial, constraint: i.constraint })).sort((a, b) => a.name.localeCompare(b.name));
    expect(indexes(seeded)).toEqual(indexes(replayed));
    expect(seeded.enumType('mood')?.values).toEqual(['sad', 'ok', 'happy']);
    expect(seeded.table('events_1')?.partitionOf).toBe('public.events');
    expect(seeded.table('events')?.partitioned).toBe(true);
    expect(seeded.table('scratch')?.unlogged).toBe(true);
    expect(seeded.view('order_totals')).toBeDefined();
  });

  it('marks seeded objects as existing before every migration file', async () => {
    const seeded = new SchemaModel();
    await seedSchemaFromCatalog(seeded, client);
    seeded.at({ file: 0, transaction: 0 });
    expect(seeded.table('orders')?.origin.file).toBe(-1);
    expect(seeded.createdInCurrentFile('orders')).toBe(false);
  });
});
