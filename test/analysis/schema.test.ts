import { beforeAll, describe, expect, it } from 'vitest';
import { SourceFile } from '../../src/sql/source.js';
import { loadParser } from '../../src/sql/parser.js';
import { analyzeFile } from '../../src/lint/engine.js';
import { SchemaModel } from '../../src/analysis/schema.js';

beforeAll(loadParser);

/** Replays files in order (each file one transaction), like the engine does. */
function replay(...files: string[]): SchemaModel {
  const schema = new SchemaModel();
  files.forEach((text, file) => {
    schema.at({ file, transaction: 0 });
    for (const statement of analyzeFile(new SourceFile(`${file}.sql`, text)).statements) schema.apply(statement);
  });
  return schema;
}

describe('SchemaModel: CREATE TABLE', () => {
  it('records columns with type, nullability, defaults and generation', () => {
    const s = replay(`CREATE TABLE app.users (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email varchar(255) NOT NULL,
      token uuid DEFAULT gen_random_uuid(),
      created_at timestamptz NOT NULL DEFAULT now(),
      n serial,
      total numeric(12, 2),
      double_total numeric GENERATED ALWAYS AS (total * 2) STORED,
      note text NULL
    );`);
    const t = s.table('app.users')!;
    expect(t.shapeKnown).toBe(true);
    expect([...t.columns.keys()]).toEqual(['id', 'email', 'token', 'created_at', 'n', 'total', 'double_total', 'note']);
    expect(t.columns.get('id')).toMatchObject({ type: 'int8', notNull: true, generated: 'identity' });
    expect(t.columns.get('email')).toMatchObject({ type: 'varchar(255)', notNull: true, hasDefault: false });
    expect(t.columns.get('token')?.default).toEqual({ volatility: 'volatile', function: 'gen_random_uuid' });
    expect(t.columns.get('created_at')?.default?.volatility).toBe('stable');
    expect(t.columns.get('n')).toMatchObject({ type: 'int4', notNull: true, default: { volatility: 'volatile', function: 'nextval' } });
    expect(t.columns.get('total')?.type).toBe('numeric(12,2)');
    expect(t.columns.get('double_total')?.generated).toBe('stored');
    expect(t.columns.get('note')?.notNull).toBe(false);
    expect(s.table('users')).toBeUndefined();
  });

  it('records inline and table constraints with PostgreSQL’s generated names', () => {
    const s = replay(`CREATE TABLE orders (
      id bigint PRIMARY KEY,
      customer_id bigint REFERENCES customers (id),
      code text UNIQUE,
      a int, b int,
      CHECK (a > 0),
      CHECK (a > 0 AND b > 0),
      CONSTRAINT orders_ab_key UNIQUE (a, b),
      FOREIGN KEY (a, b) REFERENCES pairs (x, y),
      CONSTRAINT orders_b_nn CHECK (b IS NOT NULL) NOT VALID
    );`);
    const t = s.table('orders')!;
    expect(t.constraints.map((c) => [c.name, c.type, c.columns.join(','), c.validated])).toEqual([
      ['orders_pkey', 'primary', 'id', true],
      ['orders_customer_id_fkey', 'foreign', 'customer_id', true],
      ['orders_code_key', 'unique', 'code', true],
      ['orders_a_check', 'check', 'a', true],
      ['orders_check', 'check', 'a,b', true],
      ['orders_ab_key', 'unique', 'a,b', true],
      ['orders_a_b_fkey', 'foreign', 'a,b', true],
      ['orders_b_nn', 'check', 'b', true], // NOT VALID is ignored by CREATE TABLE
    ]);
    expect(t.constraints[1].references).toEqual({ table: 'public.customers', columns: ['id'] });
    expect(t.constraints[7].impliesNotNull).toEqual(['b']);
    expect(t.indexes.map((i) => [i.name, i.columns.join(','), i.unique, i.constraint])).toEqual([
      ['orders_pkey', 'id', true, 'orders_pkey'],
      ['orders_code_key', 'code', true, 'orders_code_key'],
      ['orders_ab_key', 'a,b', true, 'orders_ab_key'],
    ]);
    expect(t.columns.get('id')?.notNull).toBe(true);
  });

  it('keeps LIKE, CREATE TABLE AS and SELECT INTO of unknown shape', () => {
    const s = replay('CREATE TABLE a (LIKE b INCLUDING ALL, extra int);\nCREATE TABLE c AS SELECT 1 AS x;\nSELECT 1 AS y INTO d;');
    expect(s.table('a')?.shapeKnown).toBe(false);
    expect([...s.table('a')!.columns.keys()]).toEqual(['extra']);
    expect(s.table('c')).toMatchObject({ shapeKnown: false });
    expect(s.table('c')?.columns.size).toBe(0);
    expect(s.table('d')?.shapeKnown).toBe(false);
  });

  it('partitions inherit the parent’s columns and remember the parent', () => {
    const s = replay('CREATE TABLE m (id int NOT NULL, k int) PARTITION BY LIST (k);\nCREATE TABLE m1 PARTITION OF m FOR VALUES IN (1);');
    expect(s.table('m')?.partitioned).toBe(true);
    expect(s.table('m1')).toMatchObject({ partitionOf: 'public.m', shapeKnown: true });
    expect(s.table('m1')?.columns.get('id')?.notNull).toBe(true);
  });

  it('a table created again (after a drop the model could not see) starts without the old indexes', () => {
    const s = replay('BEGIN;\nCREATE TABLE a (id int PRIMARY KEY);\nROLLBACK;\nCREATE TABLE a (id int PRIMARY KEY);');
    expect(s.indexesOn('a').map((i) => i.name)).toEqual(['a_pkey']);
  });

  it('CREATE TABLE IF NOT EXISTS leaves a known table alone', () => {
    const s = replay('CREATE TABLE t (a int);', 'CREATE TABLE IF NOT EXISTS t (b int);');
    expect([...s.table('t')!.columns.keys()]).toEqual(['a']);
    expect(s.table('t')?.origin.file).toBe(0);
  });
});

describe('SchemaModel: ALTER TABLE', () => {
  const base = 'CREATE TABLE t (id bigint PRIMARY KEY, a text, b varchar(10), c int);\nCREATE INDEX t_a_b_idx ON t (a, b);';

  it('adds, drops, renames and retypes columns; indexes follow', () => {
    const s = replay(base, `ALTER TABLE t ADD COLUMN d int NOT NULL DEFAULT 0, ALTER COLUMN b TYPE varchar(20), ALTER COLUMN c SET NOT NULL;
      ALTER TABLE t RENAME COLUMN a TO title;
      ALTER TABLE t ALTER COLUMN d DROP DEFAULT, ALTER COLUMN d DROP NOT NULL, ALTER COLUMN title SET DEFAULT random()::text;`);
    const t = s.table('t')!;
    expect(t.columns.get('d')).toMatchObject({ notNull: false, hasDefault: false, origin: { file: 1 } });
    expect(t.columns.get('b')?.type).toBe('varchar(20)');
    expect(t.columns.get('c')?.notNull).toBe(true);
    expect(t.columns.has('a')).toBe(false);
    expect(t.columns.get('title')?.default?.volatility).toBe('volatile');
    expect(s.index('t_a_b_idx')?.columns).toEqual(['title', 'b']);
  });

  it('dropping a column drops the indexes and constraints that use it', () => {
    const s = replay(base, 'ALTER TABLE t ADD CONSTRAINT t_c_check CHECK (c > 0);\nALTER TABLE t DROP COLUMN b;');
    expect(s.index('t_a_b_idx')).toBeUndefined();
    expect(s.table('t')?.constraints.map((c) => c.name)).toEqual(['t_pkey', 't_c_check']);
  });

  it('tracks NOT VALID, VALIDATE, DROP and RENAME CONSTRAINT', () => {
    const s = replay(base, `ALTER TABLE t ADD CONSTRAINT t_c_fk FOREIGN KEY (c) REFERENCES other (id) NOT VALID;
      ALTER TABLE t ADD CONSTRAINT t_a_nn CHECK (a IS NOT NULL AND a <> '') NOT VALID;`);
    expect(s.constraint('t', 't_c_fk')).toMatchObject({ validated: false, references: { table: 'public.other', columns: ['id'] } });
    expect(s.constraint('t', 't_a_nn')).toMatchObject({ validated: false, impliesNotNull: ['a'] });
    const after = replay(base, 'ALTER TABLE t ADD CONSTRAINT t_c_fk FOREIGN KEY (c) REFERENCES other (id) NOT VALID;', 'ALTER TABLE t VALIDATE CONSTRAINT t_c_fk;\nALTER TABLE t RENAME CONSTRAINT t_pkey TO t_pk;\nALTER TABLE t ADD CONSTRAINT t_c_key UNIQUE (c);\nALTER TABLE t DROP CONSTRAINT t_c_key;');
    expect(after.constraint('t', 't_c_fk')?.validated).toBe(true);
    expect(after.constraint('t', 't_pk')?.type).toBe('primary');
    expect(after.index('t_pk')?.constraint).toBe('t_pk');
    expect(after.index('t_pkey')).toBeUndefined();
    expect(after.index('t_c_key')).toBeUndefined();
    const viaIndex = replay(base, 'ALTER INDEX t_pkey RENAME TO t_primary;');
    expect(viaIndex.constraint('t', 't_primary')).toMatchObject({ type: 'primary', index: 't_primary' });
  });

  it('ADD CONSTRAINT … USING INDEX renames the index to the constraint', () => {
    const s = replay('CREATE TABLE u (id bigint);\nCREATE UNIQUE INDEX CONCURRENTLY u_id_idx ON u (id);\nALTER TABLE u ADD CONSTRAINT u_pkey PRIMARY KEY USING INDEX u_id_idx;');
    expect(s.index('u_id_idx')).toBeUndefined();
    expect(s.index('u_pkey')).toMatchObject({ columns: ['id'], unique: true, constraint: 'u_pkey' });
    expect(s.column('u', 'id')?.notNull).toBe(true);
  });

  it('RENAME TO and SET SCHEMA move the table, its indexes and references to it', () => {
    const s = replay(base, 'CREATE TABLE child (t_id bigint REFERENCES t (id));\nALTER TABLE t RENAME TO things;\nALTER TABLE things SET SCHEMA app;');
    expect(s.table('t')).toBeUndefined();
    expect(s.table('app.things')?.columns.has('a')).toBe(true);
    expect(s.index('app.t_a_b_idx')?.table).toBe('app.things');
    expect(s.constraint('child', 'child_t_id_fkey')?.references?.table).toBe('app.things');
  });

  it('ATTACH and DETACH PARTITION', () => {
    const s = replay('CREATE TABLE m (k int) PARTITION BY LIST (k);\nCREATE TABLE m1 (k int);\nALTER TABLE m ATTACH PARTITION m1 FOR VALUES IN (1);');
    expect(s.table('m1')?.partitionOf).toBe('public.m');
    const d = replay('CREATE TABLE m (k int) PARTITION BY LIST (k);\nCREATE TABLE m1 PARTITION OF m FOR VALUES IN (1);\nALTER TABLE m DETACH PARTITION m1;');
    expect(d.table('m1')?.partitionOf).toBeUndefined();
  });

  it('leaves unknown tables unknown', () => {
    const s = replay('ALTER TABLE ghost ADD COLUMN a int;\nALTER TABLE ghost RENAME TO spirit;');
    expect(s.table('ghost')).toBeUndefined();
    expect(s.table('spirit')).toBeUndefined();
  });
});

describe('SchemaModel: DROP TABLE', () => {
  it('drops the table, its indexes and foreign keys that point at it', () => {
    const s = replay('CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE c (p_id int REFERENCES p (id));\nCREATE INDEX c_p_idx ON c (p_id);', 'DROP TABLE p CASCADE;\nDROP TABLE IF EXISTS c;');
    expect(s.table('p')).toBeUndefined();
    expect(s.index('p_pkey')).toBeUndefined();
    expect(s.index('c_p_idx')).toBeUndefined();
    const kept = replay('CREATE TABLE p (id int PRIMARY KEY);\nCREATE TABLE c (p_id int REFERENCES p (id));', 'DROP TABLE p CASCADE;');
    expect(kept.table('c')?.constraints).toEqual([]);
  });
});

describe('SchemaModel: indexes', () => {
  const t = 'CREATE TABLE t (a int, b int, email text);';
  it('names unnamed indexes the way PostgreSQL does', () => {
    const s = replay(t, `CREATE INDEX ON t (a);
      CREATE INDEX ON t (a);
      CREATE UNIQUE INDEX ON t (a, b);
      CREATE INDEX ON t (lower(email));
      CREATE INDEX ON t ((a + b));
      CREATE INDEX ON t (lower(email), upper(email), lower(email));`);
    expect(s.indexesOn('t').map((i) => i.name)).toEqual(['t_a_idx', 't_a_idx1', 't_a_b_idx', 't_lower_idx', 't_expr_idx', 't_lower_upper_lower1_idx']);
    expect(s.index('t_lower_idx')).toMatchObject({ columns: ['(lower)'], uses: ['email'] });
  });

  // expected names as PostgreSQL 15 generated them for the same statements
  it('truncates long generated names to 63 bytes like makeObjectName', () => {
    const table = 'a_very_long_table_name_that_goes_on_and_on_for_quite_a_while';
    const s = replay(`CREATE TABLE ${table} (some_quite_long_column_name int, b int);\nCREATE INDEX ON ${table} (some_quite_long_column_name);\nCREATE INDEX ON ${table} (lower(some_quite_long_column_name::text), upper(b::text), lower(b::text));`);
    expect(s.indexesOn(table)[1].name).toBe('a_very_long_table_name_that_goes_on_and__lower_upper_lower1_idx');
    const [index] = s.indexesOn(table);
    expect(index.name).toBe('a_very_long_table_name_that_goe_some_quite_long_column_name_idx');
    expect(Buffer.byteLength(index.name)).toBe(63);
  });

  it('records partial predicates, methods, uniqueness; DROP INDEX and ALTER INDEX RENAME', () => {
    const s = replay(t, "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS t_email ON t USING btree (email) WHERE a > 0;\nCREATE INDEX t_gin ON t USING gin (email gin_trgm_ops);\nALTER INDEX t_gin RENAME TO t_trgm;\nDROP INDEX CONCURRENTLY IF EXISTS t_email;");
    expect(s.index('t_email')).toBeUndefined();
    expect(s.index('t_trgm')).toMatchObject({ method: 'gin', partial: false, table: 'public.t' });
    const p = replay(t, 'CREATE UNIQUE INDEX t_email ON t (email) WHERE a > 0;');
    expect(p.index('t_email')).toMatchObject({ unique: true, partial: true });
    expect(p.index('t_email')?.predicate).toContain('"A_Expr"');
    expect(p.indexOwners.get('public.t_email')).toBe('public.t');
  });
});

describe('SchemaModel: enums, views, origins', () => {
  it('replays enum values', () => {
    const s = replay("CREATE TYPE mood AS ENUM ('sad', 'ok');", "ALTER TYPE mood ADD VALUE 'happy';\nALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok';\nALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok';\nALTER TYPE mood RENAME VALUE 'sad' TO 'blue';\nALTER TYPE mood ADD VALUE 'fine' AFTER 'meh';");
    expect(s.enumType('mood')?.values).toEqual(['blue', 'meh', 'fine', 'ok', 'happy']);
    const renamed = replay("CREATE TYPE mood AS ENUM ('a');\nALTER TYPE mood RENAME TO feeling;\nDROP TYPE IF EXISTS nothing;");
    expect(renamed.enumType('feeling')?.values).toEqual(['a']);
    expect(replay("CREATE TYPE mood AS ENUM ('a');\nDROP TYPE mood;").enumType('mood')).toBeUndefined();
  });

  it('records views and materialized views', () => {
    const s = replay('CREATE VIEW v AS SELECT 1;\nCREATE MATERIALIZED VIEW mv AS SELECT 1;\nCREATE OR REPLACE VIEW app.w AS SELECT 2;');
    expect(s.view('v')?.materialized).toBe(false);
    expect(s.view('mv')?.materialized).toBe(true);
    expect(s.view('app.w')).toBeDefined();
    expect(replay('CREATE VIEW v AS SELECT 1;\nDROP VIEW v;').view('v')).toBeUndefined();
  });

  it('remembers the file, transaction and statement that created each object', () => {
    const s = new SchemaModel();
    const file = analyzeFile(new SourceFile('x.sql', 'CREATE TABLE a (id int);\nCREATE TABLE b (id int);'));
    s.at({ file: 3, transaction: 1 });
    s.apply(file.statements[0]);
    s.at({ file: 3, transaction: 2 });
    expect(s.createdInCurrentFile('a')).toBe(true);
    expect(s.createdInCurrentTransaction('a')).toBe(false);
    s.apply(file.statements[1]);
    expect(s.createdInCurrentTransaction('b')).toBe(true);
    expect(s.table('a')?.origin).toMatchObject({ file: 3, transaction: 1, statement: file.statements[0] });
    expect(s.origin.statement).toBeUndefined();
    s.at({ file: 4, transaction: 0 });
    expect(s.createdInCurrentFile('a')).toBe(false);
    expect(s.columnCreatedInCurrentFile('a', 'id')).toBe(false);
  });

  it('replays the statements a DO block runs', () => {
    const file = analyzeFile(
      new SourceFile(
        'do.sql',
        "DO $$\nDECLARE t text := 'hidden';\nBEGIN\n  CREATE TABLE inside (id int);\n  EXECUTE 'CREATE TABLE constant (id int)';\n  EXECUTE format('CREATE TABLE %I (id int)', t);\nEND $$;",
      ),
    );
    const s = new SchemaModel();
    for (const statement of file.statements) s.apply(statement);
    const nested = file.statements.filter((st) => st.parent);
    expect(nested.length).toBeGreaterThan(0);
    expect(s.table('inside')).toBeDefined();
    expect(s.table('constant')).toBeDefined(); // EXECUTE of a constant string is known
    expect(s.table('hidden')).toBeUndefined(); // a string built from a variable is not
  });
});

describe('SchemaModel: domains and functions', () => {
  it('follows the constraints of domains and the volatility of functions across files', () => {
    const s = replay(
      "CREATE DOMAIN app.email AS text CHECK (VALUE LIKE '%@%');\nCREATE DOMAIN label AS text;\nCREATE FUNCTION app.tenant() RETURNS text LANGUAGE plpgsql STABLE AS $$ BEGIN RETURN 'x'; END $$;\nCREATE FUNCTION pick() RETURNS int LANGUAGE sql AS 'SELECT 1';",
      "ALTER DOMAIN label SET NOT NULL;\nALTER FUNCTION app.tenant() VOLATILE;\nDROP DOMAIN app.email;",
    );
    expect(s.isConstrainedDomain('label')).toBe(true);
    expect(s.isConstrainedDomain('app.email')).toBe(false);
    expect(s.functions.get('app.tenant')).toBe('volatile');
    expect(s.functions.get('tenant')).toBe('volatile');
    // an inlined SQL function is as volatile as its body: a constant
    expect(s.functions.get('pick')).toBe('immutable');
  });
});
