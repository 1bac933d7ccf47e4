import { banCreateDomainWithConstraint } from './ban-create-domain-with-constraint.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banCreateDomainWithConstraint, {
  valid: [
    { sql: 'CREATE DOMAIN email AS text;', why: 'no constraint' },
    { sql: "CREATE DOMAIN email AS text COLLATE \"C\" DEFAULT '';", why: 'collation and default are not checks' },
    { sql: "CREATE TABLE users (email text CHECK (email LIKE '%@%'));", why: 'a column CHECK, not a domain' },
    { sql: 'CREATE TYPE mood AS ENUM (\'sad\', \'ok\');', why: 'not a domain' },
  ],
  invalid: [
    {
      sql: 'CREATE DOMAIN positive_int AS int CHECK (VALUE > 0);',
      errors: [{ line: 1, column: 35, message: 'Domain positive_int has a CHECK constraint: changing it later scans every table that uses the domain under a lock that blocks writes.' }],
    },
    {
      sql: "CREATE DOMAIN app.email AS text NOT NULL\n  CONSTRAINT email_at CHECK (VALUE LIKE '%@%');",
      history: ['CREATE SCHEMA app;'],
      errors: [{ line: 2, column: 3, message: /^Domain app\.email/ }],
    },
    {
      sql: 'CREATE DOMAIN d AS int CHECK (VALUE > 0) CHECK (VALUE < 100);',
      errors: 2,
      why: 'each CHECK',
    },
  ],
});
