import { beforeAll, describe, expect, it } from 'vitest';
import type { Node } from '@pgsql/types';
import { loadModule, parseSync } from 'libpg-query';
import { isBinaryCoercibleChange, parseTypeString } from '../../src/analysis/coercion.js';
import { expressionVolatility } from '../../src/analysis/volatility.js';
import { makeObjectName } from '../../src/analysis/names.js';

beforeAll(() => loadModule());

describe('isBinaryCoercibleChange', () => {
  it.each([
    ['varchar(10)', 'text'],
    ['varchar(10)', 'varchar(20)'],
    ['varchar(10)', 'varchar'],
    ['text', 'varchar'],
    ['numeric(10,2)', 'numeric(12,2)'],
    ['numeric(10,2)', 'numeric'],
    ['varbit(4)', 'varbit(8)'],
    ['timestamptz(3)', 'timestamptz'],
    ['cidr', 'inet'],
    ['int4', 'int4'],
  ])('%s → %s keeps the storage', (from, to) => {
    expect(isBinaryCoercibleChange(from, to)).toBe(true);
  });
  it.each([
    ['varchar(20)', 'varchar(10)'],
    ['text', 'varchar(10)'],
    ['numeric(10,2)', 'numeric(10,3)'],
    ['numeric', 'numeric(10,2)'],
    ['int4', 'int8'],
    ['timestamp', 'timestamptz'],
    ['bpchar(3)', 'bpchar(5)'],
    ['inet', 'cidr'],
    ['varchar(10)[]', 'text[]'],
    ['json', 'jsonb'],
  ])('%s → %s rewrites', (from, to) => {
    expect(isBinaryCoercibleChange(from, to)).toBe(false);
  });
  it('parses type strings', () => {
    expect(parseTypeString('numeric(12,2)')).toEqual({ base: 'numeric', mods: [12, 2], array: 0 });
    expect(parseTypeString('text[][]')).toEqual({ base: 'text', mods: [], array: 2 });
  });
});

function defaultOf(sql: string): Node | undefined {
  const stmt = parseSync(`CREATE TABLE t (c int DEFAULT ${sql})`).stmts[0].stmt as { CreateStmt: { tableElts: Array<{ ColumnDef: { constraints: Array<{ Constraint: { raw_expr: Node } }> } }> } };
  return stmt.CreateStmt.tableElts[0].ColumnDef.constraints[0].Constraint.raw_expr;
}

describe('expressionVolatility', () => {
  it.each([
    ['0', 'immutable'],
    ["'x'::text", 'immutable'],
    ['now()', 'stable'],
    ['CURRENT_TIMESTAMP', 'stable'],
    ["now() + interval '1 day'", 'stable'],
    ['gen_random_uuid()', 'volatile'],
    ['pg_catalog.random()', 'volatile'],
    ["md5(random()::text)", 'volatile'],
    ['clock_timestamp()', 'volatile'],
    ["nextval('s')", 'volatile'],
    ['my_func()', 'unknown'],
    ['(SELECT 1)', 'unknown'],
  ])('%s is %s', (sql, volatility) => {
    expect(expressionVolatility(defaultOf(sql)).volatility).toBe(volatility);
  });
  it('names the deciding function', () => {
    expect(expressionVolatility(defaultOf('coalesce(now(), gen_random_uuid())'))).toEqual({ volatility: 'volatile', function: 'gen_random_uuid' });
  });
});

describe('makeObjectName', () => {
  it('joins and truncates the longer part first', () => {
    expect(makeObjectName('users', 'email', 'key')).toBe('users_email_key');
    expect(makeObjectName('t', undefined, 'pkey')).toBe('t_pkey');
    expect(makeObjectName('x'.repeat(70), 'y'.repeat(10), 'idx')).toBe(`${'x'.repeat(48)}_${'y'.repeat(10)}_idx`);
  });
});
