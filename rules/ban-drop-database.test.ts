import { banDropDatabase } from './ban-drop-database.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banDropDatabase, {
  valid: [
    'CREATE DATABASE analytics;',
    'DROP TABLE IF EXISTS t;',
    'ALTER DATABASE analytics SET search_path = app;',
    "SELECT 'DROP DATABASE prod';",
  ],
  invalid: [
    { sql: 'DROP DATABASE analytics;', errors: [{ line: 1, column: 1, message: /analytics/ }] },
    { sql: 'DROP DATABASE IF EXISTS analytics WITH (FORCE);', errors: [{ message: /analytics/ }] },
    { sql: '-- cleanup\n\nDROP DATABASE "Old DB";', errors: [{ line: 3, column: 1, message: /Old DB/ }] },
  ],
});
