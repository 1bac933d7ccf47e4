import { addingFieldWithDefault } from './adding-field-with-default.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(addingFieldWithDefault, {
  valid: [
    'ALTER TABLE users ADD COLUMN note text;',
    "ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';",
    'ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();',
    'ALTER TABLE users ADD COLUMN created_at timestamptz DEFAULT current_timestamp;',
    'ALTER TABLE users ADD COLUMN created_on date DEFAULT CURRENT_DATE;',
    'ALTER TABLE users ADD COLUMN score int DEFAULT 0;',
    'ALTER TABLE users ADD COLUMN active boolean DEFAULT true;',
    "ALTER TABLE users ADD COLUMN tags text[] DEFAULT '{}'::text[];",
    "ALTER TABLE users ADD COLUMN meta jsonb DEFAULT '{}'::jsonb;",
    "ALTER TABLE users ADD COLUMN expires timestamptz DEFAULT now() + interval '30 days';",
    'ALTER TABLE users ADD COLUMN deleted_at timestamptz DEFAULT NULL;',
    "ALTER TABLE users ADD COLUMN code text DEFAULT lower('X');",
    { sql: 'CREATE TABLE users (id bigint);\nALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();', why: 'table created in the same file is empty' },
    'CREATE TABLE users (id bigint, token uuid DEFAULT gen_random_uuid(), n bigserial);',
    'ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();',
    { sql: 'ALTER TABLE users ADD COLUMN score int DEFAULT 0;', pgVersion: 11, why: 'PG 11 stores constant defaults in the catalog' },
    { sql: 'ALTER TABLE users ADD COLUMN full_name text GENERATED ALWAYS AS (first || last) STORED;', why: 'stored generated columns are adding-stored-generated-column’s' },
  ],
  invalid: [
    { sql: 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();', errors: [{ line: 1, column: 30, message: /gen_random_uuid\(\) of column token is volatile.*users/ }] },
    { sql: 'ALTER TABLE users ADD COLUMN r float8 DEFAULT random();', errors: [{ message: /random/ }] },
    { sql: 'ALTER TABLE users ADD COLUMN seen timestamptz DEFAULT clock_timestamp();', errors: [{ message: /clock_timestamp/ }] },
    { sql: 'ALTER TABLE users ADD COLUMN token uuid DEFAULT uuid_generate_v4();', errors: [{ message: /uuid_generate_v4/ }] },
    { sql: "ALTER TABLE users ADD COLUMN n bigint DEFAULT nextval('users_n_seq');", errors: [{ message: /nextval/ }] },
    { sql: 'ALTER TABLE users ADD COLUMN n bigserial;', errors: [{ message: /bigserial column n.*sequence/ }] },
    { sql: 'ALTER TABLE users ADD COLUMN n serial NOT NULL;', errors: 1 },
    { sql: 'ALTER TABLE users ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;', errors: [{ message: /identity column n/ }] },
    { sql: 'ALTER TABLE users ADD COLUMN code text DEFAULT make_code();', errors: [{ message: /Could not tell whether the default of column code \(make_code\) is volatile/ }] },
    { sql: 'ALTER TABLE users ADD COLUMN slug text DEFAULT md5(random()::text);', errors: [{ message: /random/ }] },
    { sql: 'ALTER TABLE users ADD COLUMN score int DEFAULT 0;', pgVersion: 10, errors: [{ message: /Before PostgreSQL 11/ }] },
    { sql: 'ALTER TABLE users ADD COLUMN a uuid DEFAULT gen_random_uuid(), ADD COLUMN b int DEFAULT 1, ADD COLUMN c float8 DEFAULT random();', errors: 2 },
    {
      sql: 'ALTER TABLE users ADD COLUMN token uuid DEFAULT gen_random_uuid();',
      history: ['CREATE TABLE users (id bigint PRIMARY KEY);'],
      errors: 1,
      why: 'table from an earlier migration',
    },
  ],
});
