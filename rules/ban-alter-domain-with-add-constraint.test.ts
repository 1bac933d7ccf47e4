import { banAlterDomainWithAddConstraint } from './ban-alter-domain-with-add-constraint.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banAlterDomainWithAddConstraint, {
  valid: [
    { sql: 'ALTER DOMAIN positive_int ADD CONSTRAINT positive_int_check CHECK (VALUE > 0) NOT VALID;', why: 'NOT VALID' },
    {
      sql: 'ALTER DOMAIN positive_int VALIDATE CONSTRAINT positive_int_check;',
      history: ['CREATE DOMAIN positive_int AS int;', 'ALTER DOMAIN positive_int ADD CONSTRAINT positive_int_check CHECK (VALUE > 0) NOT VALID;'],
      why: 'VALIDATE in a later migration',
    },
    { sql: 'CREATE DOMAIN positive_int AS int;\nALTER DOMAIN positive_int ADD CONSTRAINT positive_int_check CHECK (VALUE > 0);', why: 'domain created in the same file' },
    { sql: 'ALTER DOMAIN positive_int DROP CONSTRAINT positive_int_check;', why: 'dropping a constraint checks nothing' },
  ],
  invalid: [
    {
      sql: 'ALTER DOMAIN positive_int ADD CONSTRAINT positive_int_check CHECK (VALUE > 0);',
      errors: [{ line: 1, column: 31, message: 'Adding constraint positive_int_check to domain positive_int checks every value of every column using it, holding a SHARE lock that blocks writes to each of those tables.' }],
    },
    {
      sql: "SET lock_timeout = '2s';\nALTER DOMAIN app.email ADD CHECK (VALUE LIKE '%@%');",
      history: ['CREATE DOMAIN app.email AS text;\nCREATE TABLE users (email app.email);'],
      errors: [{ line: 2, message: /a constraint to domain app\.email/ }],
      why: 'domain from an earlier migration',
    },
    {
      sql: 'CREATE DOMAIN other AS int;\nALTER DOMAIN positive_int ADD CONSTRAINT c CHECK (VALUE > 0);',
      errors: [{ line: 2 }],
      why: 'a different domain was created in this file',
    },
  ],
});
