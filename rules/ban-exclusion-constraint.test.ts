import { banExclusionConstraint } from './ban-exclusion-constraint.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banExclusionConstraint, {
  valid: [
    { sql: 'CREATE TABLE bookings (room_id int, during tstzrange, EXCLUDE USING gist (room_id WITH =, during WITH &&));', why: 'declared with the table' },
    {
      sql: 'CREATE TABLE bookings (room_id int, during tstzrange);\nALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&);',
      why: 'table created in the same file',
    },
    { sql: 'ALTER TABLE bookings ADD CONSTRAINT bookings_room_fk FOREIGN KEY (room_id) REFERENCES rooms (id) NOT VALID;', why: 'not an exclusion constraint' },
    {
      sql: 'BEGIN;\nCREATE TABLE app.slots (during tstzrange);\nCOMMIT;\nBEGIN;\nALTER TABLE app.slots ADD EXCLUDE USING gist (during WITH &&);\nCOMMIT;',
      why: 'table created in an earlier transaction of the same file',
    },
  ],
  invalid: [
    {
      sql: 'ALTER TABLE bookings ADD CONSTRAINT bookings_no_overlap EXCLUDE USING gist (room_id WITH =, during WITH &&);',
      errors: [{ line: 1, column: 26, message: 'Adding exclusion constraint bookings_no_overlap to bookings builds its index while holding an ACCESS EXCLUSIVE lock, blocking reads and writes of bookings for the whole build.' }],
    },
    {
      sql: "SET lock_timeout = '2s';\nALTER TABLE bookings ADD EXCLUDE USING gist (during WITH &&);",
      history: ['CREATE TABLE bookings (id bigint, during tstzrange);'],
      errors: [{ line: 2, message: /an exclusion constraint to bookings/ }],
      why: 'table from an earlier migration',
    },
    {
      sql: 'ALTER TABLE rooms ADD COLUMN x int, ADD CONSTRAINT a EXCLUDE (x WITH =), ADD CONSTRAINT b EXCLUDE (id WITH =);',
      errors: [{ message: /constraint a / }, { message: /constraint b / }],
      why: 'every exclusion constraint of the statement',
    },
  ],
});
