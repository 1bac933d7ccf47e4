import { preferBigintOverSmallint } from './prefer-bigint-over-smallint.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(preferBigintOverSmallint, {
  valid: [
    'CREATE TABLE t (id bigint PRIMARY KEY, priority smallint);',
    'ALTER TABLE t ADD COLUMN rating int2;',
    'CREATE TABLE t (id serial PRIMARY KEY);',
    { sql: 'CREATE TABLE t (id bigint, weights smallint[]);', why: 'an array of quantities' },
    { sql: 'ALTER TABLE t ALTER COLUMN id TYPE bigint;', why: 'widening to bigint' },
    { sql: 'ALTER TABLE t ADD COLUMN code int2 UNIQUE;', why: 'unique, but not an id' },
    { sql: 'CREATE TABLE item_tags (item_id bigint, rank smallint, PRIMARY KEY (item_id, rank));', why: 'a rank inside a composite key' },
  ],
  invalid: [
    { sql: 'CREATE TABLE t (id smallserial PRIMARY KEY);', errors: [{ line: 1, column: 20, message: /t\.id is smallserial/ }] },
    { sql: 'CREATE TABLE t (country_id smallint NOT NULL);', errors: [{ message: /t\.country_id is smallint/ }] },
    { sql: 'CREATE TABLE t (code smallint, PRIMARY KEY (code));', errors: 1, why: 'single-column table-level primary key' },
    { sql: 'ALTER TABLE app.t ADD COLUMN region_id smallint REFERENCES regions (id);', errors: [{ message: /app\.t\.region_id/ }] },
    { sql: 'CREATE TABLE t (id bigint, region_ids smallint[], country_id int2[]);', errors: [{ message: /t\.region_ids is smallint\[\]/ }, { message: /t\.country_id is smallint\[\]/ }], why: 'arrays of ids' },
    { sql: 'ALTER TABLE t ADD COLUMN level smallint;', options: { allColumns: true }, errors: 1, why: 'allColumns option' },
  ],
});
