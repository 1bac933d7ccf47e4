import { changingColumnType } from './changing-column-type.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

const t = 'CREATE TABLE t (id bigint PRIMARY KEY, name varchar(50), note text, total numeric(12,2), n int, at timestamp, net cidr, flags varbit(8), code char(3), ts timestamptz(3));';
const alter = (sql: string) => ({ sql, history: [t] });

ruleTester(changingColumnType, {
  valid: [
    alter('ALTER TABLE t ALTER COLUMN name TYPE text;'),
    alter('ALTER TABLE t ALTER COLUMN name TYPE varchar(100);'),
    alter('ALTER TABLE t ALTER COLUMN name TYPE varchar(50);'),
    alter('ALTER TABLE t ALTER COLUMN name TYPE character varying;'),
    alter('ALTER TABLE t ALTER COLUMN note TYPE varchar;'),
    alter('ALTER TABLE t ALTER COLUMN total TYPE numeric(14,2);'),
    alter('ALTER TABLE t ALTER COLUMN total TYPE numeric;'),
    alter('ALTER TABLE t ALTER COLUMN total TYPE decimal(20, 2);'),
    alter('ALTER TABLE t ALTER COLUMN net TYPE inet;'),
    alter('ALTER TABLE t ALTER COLUMN flags TYPE varbit(16);'),
    alter('ALTER TABLE t ALTER COLUMN flags TYPE bit varying;'),
    alter('ALTER TABLE t ALTER COLUMN n TYPE integer;'),
    alter('ALTER TABLE t ALTER COLUMN ts TYPE timestamptz(6);'),
    alter('ALTER TABLE t ALTER COLUMN ts TYPE timestamp with time zone;'),
    alter('ALTER TABLE t ALTER COLUMN name TYPE text USING name;'),
    alter('ALTER TABLE t ALTER COLUMN name SET DATA TYPE varchar(200);'),
    { sql: 'CREATE TABLE t (id int, n int);\nALTER TABLE t ALTER COLUMN n TYPE bigint;', why: 'new table in the same file' },
    { sql: 'ALTER TABLE t RENAME COLUMN n TO m;\nALTER TABLE t ALTER COLUMN m TYPE int4;', history: [t], why: 'follows renames; same type' },
    {
      sql: 'ALTER TABLE t ALTER COLUMN name TYPE varchar(120);',
      history: [t, 'ALTER TABLE t ALTER COLUMN name TYPE varchar(80);'],
      why: 'the model follows earlier type changes',
    },
    alter('ALTER TABLE t ALTER COLUMN n SET NOT NULL;'),
  ],
  invalid: [
    { ...alter('ALTER TABLE t ALTER COLUMN n TYPE bigint;'), errors: [{ line: 1, column: 35, message: 'Changing t.n (int4 → int8) rewrites the table and its indexes under ACCESS EXCLUSIVE.' }] },
    { ...alter('ALTER TABLE t ALTER COLUMN name TYPE varchar(20);'), errors: [{ message: /varchar\(50\) → varchar\(20\)/ }] },
    { ...alter('ALTER TABLE t ALTER COLUMN note TYPE varchar(100);'), errors: [{ message: /text → varchar\(100\)/ }] },
    { ...alter('ALTER TABLE t ALTER COLUMN total TYPE numeric(12,4);'), errors: 1 },
    { ...alter('ALTER TABLE t ALTER COLUMN total TYPE numeric(10,2);'), errors: 1 },
    { ...alter('ALTER TABLE t ALTER COLUMN at TYPE timestamptz;'), errors: [{ message: /timestamp → timestamptz/ }] },
    { ...alter('ALTER TABLE t ALTER COLUMN net TYPE text;'), errors: 1 },
    { ...alter('ALTER TABLE t ALTER COLUMN code TYPE char(5);'), errors: 1 },
    { ...alter('ALTER TABLE t ALTER COLUMN code TYPE text;'), errors: 1 },
    { ...alter('ALTER TABLE t ALTER COLUMN flags TYPE varbit(4);'), errors: 1 },
    { ...alter('ALTER TABLE t ALTER COLUMN ts TYPE timestamptz(0);'), errors: 1 },
    { ...alter("ALTER TABLE t ALTER COLUMN name TYPE text USING name || '';"), errors: [{ message: /USING/ }] },
    { ...alter('ALTER TABLE t ALTER COLUMN n TYPE text, ALTER COLUMN name TYPE text, ALTER COLUMN note TYPE jsonb USING note::jsonb;'), errors: 2 },
    { sql: 'ALTER TABLE users ALTER COLUMN name TYPE text;', errors: [{ message: /old type of users\.name is unknown/ }] },
    { sql: 'ALTER TABLE t ALTER COLUMN name TYPE varchar(100);', history: ['CREATE TABLE t AS SELECT 1 AS id;'], errors: 1, why: 'CTAS columns are unknown' },
    {
      sql: 'ALTER TABLE t ALTER COLUMN label TYPE varchar(20);',
      history: [t, 'ALTER TABLE t RENAME COLUMN name TO label;'],
      errors: [{ message: /varchar\(50\) → varchar\(20\)/ }],
      why: 'the type follows the rename',
    },
  ],
});
