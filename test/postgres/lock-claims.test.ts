import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { SourceFile } from '../../src/sql/source.js';
import { loadParser, parseSource, type Statement } from '../../src/sql/parser.js';
import { SchemaModel, splitKey } from '../../src/analysis/schema.js';
import { lockTakenBy } from '../../src/analysis/locks.js';
import { cannotRunInTransaction } from '../../src/analysis/transactions.js';
import { allRules } from '../../rules/index.js';
import { testServerMajor } from '../helpers/server.js';
import { pgSince } from '../../src/analysis/pg-features.js';
import { observeInTransaction, observeOutsideTransaction, type Observation } from './lock-probe.js';

/**
 * Every lock and rewrite pgwarden claims is checked against PostgreSQL itself: (a) lockTakenBy's answer
 * for each statement kind it knows, (b) every rule's `meta.lockClaim` example. The claims are evaluated
 * for the major of the server the tests run on (`npm run test:pg-matrix` runs this file on 13 to 18).
 */
const major = testServerMajor();

const BASE = `
CREATE TABLE parent (id bigint PRIMARY KEY, code text UNIQUE);
CREATE TABLE t (id bigint PRIMARY KEY, parent_id bigint, name varchar(20), note text, amount numeric(10,2),
  created timestamp, addr cidr, blob text, n int NOT NULL DEFAULT 0);
CREATE INDEX t_name_idx ON t (name);
INSERT INTO parent VALUES (1, 'a');
INSERT INTO t (id, parent_id, name, note, amount, created, addr) VALUES (1, 1, 'x', 'n', 1.5, '2026-01-01', '10.0.0.0/8');
`;
const WITH_FK = `${BASE} ALTER TABLE t ADD CONSTRAINT t_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID;`;
const WITH_CHECK = `${BASE} ALTER TABLE t ADD CONSTRAINT t_amount_check CHECK (amount > 0) NOT VALID;`;
const CHILD = `${BASE} CREATE TABLE child (id bigint PRIMARY KEY, parent_id bigint REFERENCES parent (id));`;
const PARTITIONED = `CREATE TABLE m (id int, k int) PARTITION BY LIST (k); CREATE TABLE m1 (id int, k int);`;
const ATTACHED = `CREATE TABLE m (id int, k int) PARTITION BY LIST (k); CREATE TABLE m1 PARTITION OF m FOR VALUES IN (1);`;

interface Case {
  setup: string;
  statement: string;
  /** First major that accepts the statement (older servers leave the case out). */
  since?: number;
  /** Run after the case (objects outside the case's schema). */
  cleanup?: string;
}

const cases: Case[] = [
  // ADD COLUMN: ACCESS EXCLUSIVE; rewrite only for volatile defaults, identity, stored generated, serial
  { setup: BASE, statement: 'ALTER TABLE t ADD COLUMN c int' },
  { setup: BASE, statement: 'ALTER TABLE t ADD COLUMN c int NOT NULL DEFAULT 0' },
  { setup: BASE, statement: 'ALTER TABLE t ADD COLUMN c timestamptz DEFAULT now()' },
  { setup: BASE, statement: "ALTER TABLE t ADD COLUMN c text DEFAULT lower('X')" },
  { setup: BASE, statement: 'ALTER TABLE t ADD COLUMN c uuid DEFAULT gen_random_uuid()' },
  { setup: BASE, statement: 'ALTER TABLE t ADD COLUMN c float8 DEFAULT random()' },
  { setup: BASE, statement: 'ALTER TABLE t ADD COLUMN c timestamptz DEFAULT clock_timestamp()' },
  { setup: BASE, statement: 'ALTER TABLE t ADD COLUMN c bigserial' },
  { setup: BASE, statement: 'ALTER TABLE t ADD COLUMN c bigint GENERATED ALWAYS AS IDENTITY' },
  { setup: BASE, statement: 'ALTER TABLE t ADD COLUMN c bigint GENERATED ALWAYS AS (id * 2) STORED' },
  // 18: virtual generated columns (the default without STORED) are computed when read
  { setup: BASE, statement: 'ALTER TABLE t ADD COLUMN c bigint GENERATED ALWAYS AS (id * 2) VIRTUAL', since: pgSince('virtualGeneratedColumns') },
  { setup: BASE, statement: 'ALTER TABLE t ADD COLUMN c bigint GENERATED ALWAYS AS (id * 2)', since: pgSince('virtualGeneratedColumns') },
  { setup: BASE, statement: 'ALTER TABLE t ADD COLUMN c bigint REFERENCES parent (id)' },
  { setup: BASE, statement: 'ALTER TABLE t DROP COLUMN note' },
  // ALTER COLUMN TYPE: binary-coercible changes keep the storage
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN name TYPE text' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN name TYPE varchar(50)' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN name TYPE varchar' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN name TYPE varchar(10)' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN note TYPE varchar' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN note TYPE varchar(100)' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN amount TYPE numeric(12,2)' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN amount TYPE numeric' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN amount TYPE numeric(12,3)' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN amount TYPE numeric(8,2)' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN n TYPE bigint' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN created TYPE timestamptz' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN created TYPE timestamp(3)' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN addr TYPE inet' },
  { setup: BASE, statement: "ALTER TABLE t ALTER COLUMN name TYPE text USING name || ''" },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN name TYPE text USING name' },
  // Django's `USING "col"::type` cast to the new type is the same coercion as no USING
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN name TYPE varchar(50) USING name::varchar(50)' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN n TYPE bigint USING n::bigint' },
  { setup: 'CREATE TABLE p (a time(3), b interval(3), c interval day); INSERT INTO p VALUES (now(), null, null);', statement: 'ALTER TABLE p ALTER COLUMN a TYPE time(6), ALTER COLUMN b TYPE interval(6), ALTER COLUMN c TYPE interval' },
  { setup: 'CREATE TABLE p (a time(6)); INSERT INTO p VALUES (now());', statement: 'ALTER TABLE p ALTER COLUMN a TYPE time(2)' },
  // other column subcommands
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN note SET NOT NULL' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN n DROP NOT NULL' },
  { setup: BASE, statement: "ALTER TABLE t ALTER COLUMN note SET DEFAULT 'x'" },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN n DROP DEFAULT' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN note SET STATISTICS 500' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN note SET (n_distinct = 10)' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN blob SET STORAGE EXTERNAL' },
  { setup: BASE, statement: 'ALTER TABLE t ALTER COLUMN blob SET COMPRESSION pglz', since: pgSince('columnCompression') },
  // table-level subcommands
  { setup: BASE, statement: 'ALTER TABLE t SET (fillfactor = 70)' },
  { setup: BASE, statement: 'ALTER TABLE t SET (autovacuum_enabled = false)' },
  { setup: BASE, statement: 'ALTER TABLE t SET (user_catalog_table = true)' },
  { setup: BASE, statement: 'ALTER TABLE t CLUSTER ON t_pkey' },
  { setup: BASE, statement: 'ALTER TABLE t SET WITHOUT CLUSTER' },
  { setup: BASE, statement: 'ALTER TABLE t SET UNLOGGED' },
  { setup: 'CREATE UNLOGGED TABLE u (id int); INSERT INTO u VALUES (1);', statement: 'ALTER TABLE u SET LOGGED' },
  // a partitioned table has no storage: SET TABLESPACE only records the default for new partitions
  { setup: 'CREATE TABLE pm (id int, k int) PARTITION BY LIST (k);', statement: 'ALTER TABLE pm SET TABLESPACE pg_default' },
  { setup: BASE, statement: 'ALTER TABLE t ENABLE ROW LEVEL SECURITY' },
  { setup: BASE, statement: 'ALTER TABLE t DISABLE TRIGGER ALL' },
  { setup: BASE, statement: 'ALTER TABLE t REPLICA IDENTITY FULL' },
  // constraints
  { setup: BASE, statement: 'ALTER TABLE t ADD CONSTRAINT t_amount_check CHECK (amount > 0)' },
  { setup: BASE, statement: 'ALTER TABLE t ADD CONSTRAINT t_amount_check CHECK (amount > 0) NOT VALID' },
  { setup: BASE, statement: 'ALTER TABLE t ADD CONSTRAINT t_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id)' },
  { setup: BASE, statement: 'ALTER TABLE t ADD CONSTRAINT t_parent_fk FOREIGN KEY (parent_id) REFERENCES parent (id) NOT VALID' },
  { setup: WITH_FK, statement: 'ALTER TABLE t VALIDATE CONSTRAINT t_parent_fk' },
  { setup: WITH_CHECK, statement: 'ALTER TABLE t VALIDATE CONSTRAINT t_amount_check' },
  { setup: WITH_FK, statement: 'ALTER TABLE t DROP CONSTRAINT t_parent_fk' },
  { setup: WITH_CHECK, statement: 'ALTER TABLE t DROP CONSTRAINT t_amount_check' },
  // 18: named NOT NULL constraints, added NOT VALID and validated later
  { setup: BASE, statement: 'ALTER TABLE t ADD CONSTRAINT t_note_nn NOT NULL note', since: pgSince('notNullNotValid') },
  { setup: BASE, statement: 'ALTER TABLE t ADD CONSTRAINT t_note_nn NOT NULL note NOT VALID', since: pgSince('notNullNotValid') },
  { setup: `${BASE} ALTER TABLE t ADD CONSTRAINT t_note_nn NOT NULL note NOT VALID;`, statement: 'ALTER TABLE t VALIDATE CONSTRAINT t_note_nn', since: pgSince('notNullNotValid') },
  { setup: BASE, statement: 'ALTER TABLE t ADD CONSTRAINT t_name_key UNIQUE (name)' },
  { setup: `${BASE} CREATE UNIQUE INDEX t_note_uidx ON t (note);`, statement: 'ALTER TABLE t ADD CONSTRAINT t_note_key UNIQUE USING INDEX t_note_uidx' },
  { setup: 'CREATE TABLE u (id bigint NOT NULL, v int);', statement: 'ALTER TABLE u ADD PRIMARY KEY (id)' },
  { setup: 'CREATE TABLE u (id bigint NOT NULL, v int); CREATE UNIQUE INDEX u_id_idx ON u (id);', statement: 'ALTER TABLE u ADD CONSTRAINT u_pkey PRIMARY KEY USING INDEX u_id_idx' },
  { setup: 'CREATE TABLE r (id int, during int4range);', statement: 'ALTER TABLE r ADD CONSTRAINT r_excl EXCLUDE USING gist (during WITH &&)' },
  // renames and moves
  { setup: BASE, statement: 'ALTER TABLE t RENAME COLUMN note TO body' },
  { setup: BASE, statement: 'ALTER TABLE t RENAME TO t2' },
  { setup: BASE, statement: 'ALTER TABLE t RENAME CONSTRAINT t_pkey TO t_pk' },
  { setup: `${BASE} CREATE SCHEMA IF NOT EXISTS lock_claims_elsewhere;`, statement: 'ALTER TABLE t SET SCHEMA lock_claims_elsewhere', cleanup: 'DROP SCHEMA IF EXISTS lock_claims_elsewhere CASCADE' },
  { setup: BASE, statement: 'ALTER INDEX t_name_idx RENAME TO t_name_idx2' },
  // indexes
  { setup: BASE, statement: 'CREATE INDEX t_note_idx ON t (note)' },
  { setup: BASE, statement: 'CREATE UNIQUE INDEX t_note_idx ON t (note) WHERE note IS NOT NULL' },
  { setup: BASE, statement: 'CREATE INDEX CONCURRENTLY t_note_idx ON t (note)' },
  { setup: BASE, statement: 'DROP INDEX t_name_idx' },
  { setup: BASE, statement: 'DROP INDEX CONCURRENTLY t_name_idx' },
  { setup: BASE, statement: 'REINDEX TABLE t' },
  { setup: BASE, statement: 'REINDEX INDEX t_name_idx' },
  { setup: BASE, statement: 'REINDEX TABLE CONCURRENTLY t' },
  { setup: BASE, statement: 'REINDEX INDEX CONCURRENTLY t_name_idx' },
  // maintenance
  { setup: BASE, statement: 'VACUUM FULL t' },
  { setup: BASE, statement: 'VACUUM t' },
  { setup: BASE, statement: 'ANALYZE t' },
  { setup: BASE, statement: 'CLUSTER t USING t_pkey' },
  { setup: `${BASE} CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;`, statement: 'REFRESH MATERIALIZED VIEW mv' },
  { setup: `${BASE} CREATE MATERIALIZED VIEW mv AS SELECT id FROM t; CREATE UNIQUE INDEX mv_id ON mv (id);`, statement: 'REFRESH MATERIALIZED VIEW CONCURRENTLY mv' },
  // data
  { setup: BASE, statement: 'TRUNCATE t' },
  { setup: BASE, statement: "UPDATE t SET note = 'y'" },
  { setup: BASE, statement: 'DELETE FROM t WHERE id = 1' },
  { setup: BASE, statement: 'INSERT INTO t (id) VALUES (5)' },
  { setup: BASE, statement: 'LOCK TABLE t IN SHARE MODE' },
  { setup: BASE, statement: 'LOCK TABLE t' },
  // triggers, rules, policies
  { setup: `${BASE} CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';`, statement: 'CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION tf()' },
  { setup: `${BASE} CREATE FUNCTION tf() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END'; CREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION tf();`, statement: 'DROP TRIGGER tr ON t' },
  { setup: BASE, statement: 'CREATE POLICY p ON t USING (true)' },
  { setup: BASE, statement: 'CREATE RULE r AS ON DELETE TO t DO INSTEAD NOTHING' },
  // tables
  { setup: BASE, statement: 'CREATE TABLE child (id bigint PRIMARY KEY, parent_id bigint REFERENCES parent (id))' },
  { setup: CHILD, statement: 'DROP TABLE child' },
  { setup: BASE, statement: 'DROP TABLE parent CASCADE' },
  // partitions
  { setup: PARTITIONED, statement: 'ALTER TABLE m ATTACH PARTITION m1 FOR VALUES IN (1)' },
  { setup: ATTACHED, statement: 'ALTER TABLE m DETACH PARTITION m1' },
  { setup: ATTACHED, statement: 'ALTER TABLE m DETACH PARTITION m1 CONCURRENTLY', since: pgSince('detachPartitionConcurrently') },
  { setup: ATTACHED, statement: 'CREATE TABLE m2 PARTITION OF m FOR VALUES IN (2)' },
];

function parse(text: string): Statement[] {
  return parseSource(new SourceFile('case.sql', text)).statements;
}

/** lockTakenBy's answer after replaying `setup`, as `table mode [rewrite]` lines keyed by bare name. */
function expectedFor(setup: string, statement: Statement): string[] {
  const schema = new SchemaModel();
  for (const s of parse(setup)) schema.apply(s);
  return lockTakenBy(statement, schema, major)
    .map((c) => {
      // TRUNCATE gives the table new, empty storage: a new relfilenode, though nothing is rewritten.
      const newStorage = c.rewrite || c.reason === 'TRUNCATE';
      return `${splitKey(c.relation)[1]} ${c.mode}${newStorage ? ' new-storage' : ''}`;
    })
    .sort();
}

/** Observed table locks (index locks only where a claim names the index: the model claims table locks). */
function observedLines(observation: Observation, expected: string[], only?: string): string[] {
  const lines: string[] = [];
  for (const [name, mode] of observation.modes) {
    if (only !== undefined && name !== only) continue;
    if (observation.indexes.has(name) && !expected.some((e) => e.startsWith(`${name} `))) continue;
    lines.push(`${name} ${mode}${observation.newStorage.has(name) ? ' new-storage' : ''}`);
  }
  return lines.sort();
}

describe(`lock claims against PostgreSQL ${major}`, () => {
  let db: TestDatabase;
  let runner: pg.Client;
  let blocker: pg.Client;
  let counter = 0;

  beforeAll(async () => {
    await loadParser();
    db = await createTestDatabase('pgwarden_locks');
    runner = await db.client();
    blocker = await db.client();
    // PostgreSQL 12+ skips the timestamp → timestamptz rewrite when the session TimeZone is UTC; a
    // migration cannot rely on that, so the probe session uses another zone.
    await runner.query(`SET TimeZone = 'America/New_York'`);
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** Runs `setup` in a fresh schema of its own, then observes `statement` there. */
  async function observe(setup: string, statementText: string, statement: Statement, target: string | undefined): Promise<Observation> {
    const schema = `lock_case_${++counter}`;
    await runner.query(`CREATE SCHEMA ${schema}; SET search_path = ${schema}, public`);
    try {
      await runner.query(setup);
      if (cannotRunInTransaction(statement)) {
        if (!target) throw new Error(`no relation to observe for ${statementText}`);
        return await observeOutsideTransaction(runner, blocker, schema, target, statementText);
      }
      return await observeInTransaction(runner, schema, statementText);
    } finally {
      await runner.query(`SET search_path = public; DROP SCHEMA ${schema} CASCADE`);
    }
  }

  describe('lockTakenBy', () => {
    for (const c of cases.filter((c) => (c.since ?? 0) <= major)) {
      it(c.statement, async () => {
        const [statement] = parse(c.statement);
        const expected = expectedFor(c.setup, statement);
        const target = expected[0]?.split(' ')[0];
        try {
          const observation = await observe(c.setup, c.statement, statement, target);
          const outside = cannotRunInTransaction(statement) !== undefined;
          // Locks PostgreSQL takes only to read (ACCESS SHARE) block nothing but ACCESS EXCLUSIVE: not modelled.
          const observed = observedLines(observation, expected, outside ? target : undefined).filter(
            (line) => !line.endsWith(' AccessShareLock') || expected.some((e) => e.startsWith(`${line.split(' ')[0]} `)),
          );
          expect(observed).toEqual(outside ? expected.filter((e) => e.startsWith(`${target} `)) : expected);
        } finally {
          if (c.cleanup) await runner.query(c.cleanup);
        }
      });
    }
  });

  describe('rules’ lockClaim examples', () => {
    const claiming = allRules.filter((r) => r.meta.lockClaim !== undefined);
    it('at least one rule claims a lock', () => {
      expect(claiming.length).toBeGreaterThan(0);
    });
    for (const rule of claiming) {
      const example = rule.meta.lockClaim!;
      it(`${rule.meta.id}: ${example.statement}`, async () => {
        const [statement] = parse(example.statement);
        const table = splitKey(example.table.includes('.') ? example.table : `public.${example.table}`)[1];
        const observation = await observe(example.setup, example.statement, statement, table);
        expect({ mode: observation.modes.get(table), rewrite: observation.newStorage.has(table) }).toEqual({
          mode: example.mode,
          rewrite: example.rewrite,
        });
      });
    }
  });
});
