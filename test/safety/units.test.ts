import { describe, expect, it } from 'vitest';
import { parseTableName, tableFromKey } from '../../src/safety/names.js';
import { describeLosses } from '../../src/safety/verify.js';
import { Declarations, judge } from '../../src/safety/verdict.js';
import type { Measurement } from '../../src/safety/measure.js';
import type { TableProfile } from '../../src/safety/profile.js';
import { normalizeSchemaDump, selectEntries, tocPatterns, firstDifference, dumpDifferences } from '../../src/safety/archive.js';
import { manualRestoreCommand, parseToolVersion, pgTools } from '../../src/safety/pg-tools.js';
import { splitPassword } from '../../src/safety/redact.js';
import { diffCatalogs, dropStatements, type Catalog } from '../../src/safety/catalog.js';
import { newBackupId } from '../../src/safety/backup-store.js';
import { safetyHooks, BackupError, type SafetyOptions } from '../../src/safety/index.js';

describe('table names', () => {
  it('reads directive lists the way SQL does and analysis keys verbatim', () => {
    expect(parseTableName('orders')).toEqual({ schema: 'public', name: 'orders' });
    expect(parseTableName('Sales.Orders')).toEqual({ schema: 'sales', name: 'orders' });
    expect(parseTableName('"Sales"."Big.Orders"')).toEqual({ schema: 'Sales', name: 'Big.Orders' });
    expect(tableFromKey('public.Orders')).toEqual({ schema: 'public', name: 'Orders' });
    expect(tableFromKey('orders')).toEqual({ schema: 'public', name: 'orders' });
  });
});

describe('verdict', () => {
  const profile = (name: string, rows: number, columns: Array<[string, number, string?]>): TableProfile => ({
    table: { schema: 'public', name },
    rows,
    exact: true,
    columns: columns.map(([c, nonNull, checksum]) => ({ name: c, type: 'text', nonNull, ...(checksum ? { checksum } : {}) })),
  });
  const empty: Measurement = {
    accounting: [],
    catalog: { added: [], missing: [], changed: [] },
    rewritten: [],
    before: new Map(),
    after: new Map(),
    castBack: new Map(),
    estimates: new Map([['public.a', 10], ['public.b', 10], ['public.c', 10], ['public.u', 5]]),
    rowsAfter: new Map(),
  };
  const measured: Measurement = {
    ...empty,
    accounting: [
      { schema: 'public', table: 'a', inserted: 0, updated: 0, deleted: 1, reset: false },
      { schema: 'public', table: 'c', inserted: 3, updated: 0, deleted: 3, reset: false },
      { schema: 'public', table: 'u', inserted: 0, updated: 5, deleted: 0, reset: false },
    ],
    catalog: { added: [], missing: [{ kind: 'table', schema: 'public', name: 'b' }, { kind: 'column', schema: 'public', table: 'u', name: 'old', detail: 'text' }], changed: [] },
    before: new Map([
      ['public.b', profile('b', 10, [])],
      ['public.u', profile('u', 5, [['name', 5], ['legacy', 5], ['old', 2]])],
    ]),
    after: new Map([['public.u', profile('u', 5, [['name', 5], ['legacy', 0]])]]),
    rowsAfter: new Map([['public.a', 9], ['public.c', 10]]),
  };

  it('finds deleted, replaced and dropped rows, values set to NULL and dropped columns', () => {
    const losses = judge({ measurement: measured, declared: new Declarations([]), namedDrops: new Set() });
    expect(losses.map((l) => `${l.declare}: ${l.figures}`)).toEqual([
      'public.b: 10 rows before, table dropped after',
      'public.a: 10 rows before, 9 rows after',
      'public.c: 10 rows before, 10 rows after (3 deleted and 3 inserted: rows replaced, not kept)',
      'public.u.legacy: column legacy: 5 non-null values before, 0 after',
      'public.u.old: column old dropped with 2 non-null values',
    ]);
  });

  it('accepts what is declared, by table or by column (table.column or schema.table.column)', () => {
    const declared = new Declarations(['public.a', 'public.b', 'public.c', 'u.legacy', 'public.u.old']);
    expect(judge({ measurement: measured, declared, namedDrops: new Set() })).toEqual([]);
    expect(new Declarations(['public.u']).coversColumn('public.u', 'legacy')).toBe(true);
    expect(new Declarations(['u.legacy']).coversTable('public.u')).toBe(false);
  });

  it('passes a backfill: non-null values that rise lose nothing', () => {
    const backfill: Measurement = { ...empty, before: new Map([['public.u', profile('u', 5, [['name', 0]])]]), after: new Map([['public.u', profile('u', 5, [['name', 5]])]]) };
    expect(judge({ measurement: backfill, declared: new Declarations([]), namedDrops: new Set() })).toEqual([]);
  });

  it('names the table, the figures and the statement responsible, or says that none names it', () => {
    const losses = judge({ measurement: measured, declared: new Declarations([]), namedDrops: new Set() }).slice(0, 2);
    const text = describeLosses('005_x', losses, { risks: [{ table: 'public.a', reason: 'DELETE', statement: 'DELETE FROM a\n  WHERE id = 1', line: 3 }] });
    expect(text).toBe(
      'migration 005_x lost rows it did not declare (public.b: 10 rows before, table dropped after (no statement names it: a cascade, trigger, function or dynamic SQL did it); ' +
        'public.a: 10 rows before, 9 rows after by DELETE at line 3: DELETE FROM a WHERE id = 1); if that is intended, add "-- pgwarden:allow-data-loss public.b, public.a" to the migration',
    );
  });
});

describe('schema dump comparison', () => {
  const dump = (...objects: string[]) => objects.map((o) => `--\n-- ${o.split('\n')[0]}\n--\n\n${o.split('\n').slice(1).join('\n')}\n`).join('\n');
  it('lists every differing object, not the first line, and leaves out what other sessions created', () => {
    const before = dump('Name: t; Type: TABLE; Schema: public; Owner: app\nCREATE TABLE public.t (\n    id integer\n);', 'Name: TABLE t; Type: COMMENT; Schema: public; Owner: app\nCOMMENT ON TABLE public.t IS \'billing\';', 'Name: TABLE t; Type: ACL; Schema: public; Owner: app\nGRANT SELECT ON TABLE public.t TO reader;');
    const after = dump('Name: t; Type: TABLE; Schema: public; Owner: app\nCREATE TABLE public.t (\n    id bigint\n);', 'Name: cache; Type: TABLE; Schema: public; Owner: app\nCREATE TABLE public.cache (\n    k text\n);', 'Name: x; Type: TABLE; Schema: public; Owner: app\nCREATE TABLE public.x ();');
    expect(dumpDifferences(before, after, ['cache'])).toEqual([
      'changed: Name: t; Type: TABLE; Schema: public; Owner: app: - id integer + id bigint',
      'missing: Name: TABLE t; Type: COMMENT; Schema: public; Owner: app',
      'missing: Name: TABLE t; Type: ACL; Schema: public; Owner: app',
      'unexpected: Name: x; Type: TABLE; Schema: public; Owner: app',
    ]);
    expect(dumpDifferences(before, before)).toEqual([]);
  });
});

describe('client tools', () => {
  it('parses versions and finds pg_restore beside an explicit pg_dump', () => {
    expect(parseToolVersion('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)\n')).toEqual({ major: 15, text: '15.20' });
    expect(parseToolVersion('pg_dump (PostgreSQL) 17devel')).toEqual({ major: 17, text: '17' });
    expect(parseToolVersion('something else')).toBeNull();
    expect(pgTools('/opt/pg16/bin/pg_dump')).toEqual({ pgDump: '/opt/pg16/bin/pg_dump', pgRestore: '/opt/pg16/bin/pg_restore' });
    expect(pgTools()).toEqual({ pgDump: 'pg_dump', pgRestore: 'pg_restore' });
  });

  it('keeps the password off the command line', () => {
    expect(splitPassword('postgres://app:p%40ss@db:5432/prod?sslmode=require')).toEqual({ url: 'postgres://app@db:5432/prod?sslmode=require', password: 'p@ss' });
    expect(splitPassword('postgres://app@db/prod?password=x')).toEqual({ url: 'postgres://app@db/prod', password: 'x' });
    expect(manualRestoreCommand(pgTools(), 'postgres://app:secret@db/prod', ['--clean', '/b/x y.dump'])).toBe(
      "PGPASSWORD=<password> pg_restore --clean '/b/x y.dump' --dbname=postgres://app@db/prod",
    );
  });

  it('finishes a restore by hand with a pg_restore newer than the server through psql, without the settings the server lacks', () => {
    const tools = { ...pgTools('/opt/pg18/bin/pg_dump'), olderServer: { psql: '/opt/pg18/bin/psql', unknownSettings: ['transaction_timeout'] } };
    expect(manualRestoreCommand(tools, 'postgres://app:secret@db/prod', ['--clean', '/b/x.dump'])).toBe(
      "/opt/pg18/bin/pg_restore --clean /b/x.dump --file=- | grep -Ev '^SET (transaction_timeout) = ' | " +
        'PGPASSWORD=<password> /opt/pg18/bin/psql --no-psqlrc --quiet --set=ON_ERROR_STOP=1 --dbname=postgres://app@db/prod',
    );
  });
});

describe('archive contents', () => {
  const toc = [
    '215; 1259 16389 TABLE public a postgres',
    '216; 1259 16390 TABLE public ab postgres',
    '214; 1259 16388 SEQUENCE public a_id_seq postgres',
    '3205; 2604 16392 DEFAULT public a id postgres',
    '3355; 0 16389 TABLE DATA public a postgres',
    '3208; 2606 16397 CONSTRAINT public a a_pkey postgres',
    '3209; 1259 16398 INDEX public a_v postgres',
    '3210; 2606 16402 FK CONSTRAINT public b b_a_fkey postgres',
  ];

  it('selects the entries that re-create an object, in archive order', () => {
    expect(selectEntries(toc, tocPatterns({ kind: 'table', schema: 'public', name: 'a' }))).toEqual([toc[0], toc[3], toc[4]]);
    expect(selectEntries(toc, tocPatterns({ kind: 'constraint', schema: 'public', table: 'b', name: 'b_a_fkey' }))).toEqual([toc[7]]);
    expect(selectEntries(toc, tocPatterns({ kind: 'index', schema: 'public', table: 'a', name: 'a_v' }))).toEqual([toc[6]]);
  });

  it('ignores the lines of a schema dump that change between runs', () => {
    const a = '--\n-- Dumped from database version 15.2\n\\restrict abc\nCREATE TABLE a ();\n\\unrestrict abc\n';
    const b = '--\n-- Dumped from database version 15.3\n\\restrict xyz\nCREATE TABLE a ();\n\\unrestrict xyz\n';
    expect(normalizeSchemaDump(a)).toBe(normalizeSchemaDump(b));
    expect(firstDifference('x\ny', 'x\nz')).toBe('line 2: expected "y", found "z"');
  });
});

describe('catalog differences', () => {
  const before: Catalog = {
    objects: [
      { kind: 'table', schema: 'public', name: 'a' },
      { kind: 'column', schema: 'public', table: 'a', name: 'x', detail: 'integer' },
    ],
    sequences: {},
  };
  const after: Catalog = {
    objects: [
      { kind: 'table', schema: 'public', name: 'a' },
      { kind: 'column', schema: 'public', table: 'a', name: 'x', detail: 'bigint' },
      { kind: 'column', schema: 'public', table: 'a', name: 'y', detail: 'text' },
      { kind: 'table', schema: 'public', name: 'n' },
      { kind: 'index', schema: 'public', table: 'n', name: 'n_pkey' },
      { kind: 'index', schema: 'public', table: 'a', name: 'a_y' },
    ],
    sequences: {},
  };

  it('tells new, missing and retyped objects apart, and drops new ones dependents first', () => {
    const diff = diffCatalogs(before, after);
    expect(diff.changed).toEqual([before.objects[1]]);
    expect(diff.missing).toEqual([]);
    expect(dropStatements(diff.added)).toEqual([
      'DROP INDEX IF EXISTS "public"."a_y" CASCADE',
      'ALTER TABLE IF EXISTS "public"."a" DROP COLUMN IF EXISTS "y" CASCADE',
      'DROP TABLE IF EXISTS "public"."n" CASCADE',
    ]);
  });

  it('gives backups sortable ids', () => {
    expect(newBackupId(new Date('2026-11-28T01:30:59.042Z'))).toMatch(/^20261128-013059042-[0-9a-f]{4}$/);
  });

  it('refuses an unknown backup mode in one line', () => {
    expect(() => safetyHooks({ backup: 'nightly' } as unknown as SafetyOptions)).toThrow(BackupError);
    expect(() => safetyHooks({ backup: 'nightly' } as unknown as SafetyOptions)).toThrow("--backup: expected targeted, full, snapshot, none, not 'nightly'");
  });
});
