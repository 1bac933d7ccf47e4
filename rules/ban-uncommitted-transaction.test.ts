import { banUncommittedTransaction } from './ban-uncommitted-transaction.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(banUncommittedTransaction, {
  valid: [
    { sql: 'COMMIT;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS logs_at_idx ON logs (at);\nBEGIN;', why: 'the last, empty BEGIN is for a wrapping runner to commit' },
    'BEGIN;\nALTER TABLE t ADD COLUMN a text;\nCOMMIT;',
    'BEGIN;\nSELECT 1;\nROLLBACK;',
    'ALTER TABLE t ADD COLUMN a text;',
    'START TRANSACTION;\nSELECT 1;\nEND;',
    { sql: 'BEGIN;\nSELECT 1;\nCOMMIT;\nBEGIN;\nSELECT 2;\nCOMMIT;', why: 'two closed transactions' },
    { sql: "BEGIN;\nSELECT 1;\nPREPARE TRANSACTION 'tx1';", why: 'PREPARE TRANSACTION ends the block' },
  ],
  invalid: [
    { sql: 'COMMIT;\nCREATE INDEX CONCURRENTLY i ON t (a);\nBEGIN;\nALTER TABLE t ADD COLUMN b text;', errors: [{ line: 3 }], why: 'work after the last BEGIN is never committed' },
    { sql: 'BEGIN;\nALTER TABLE t ADD COLUMN a text;', errors: [{ line: 1, column: 1, message: /never committed/ }] },
    { sql: 'BEGIN;\nSELECT 1;\nCOMMIT;\n\nSTART TRANSACTION;\nSELECT 2;', errors: [{ line: 5, column: 1 }] },
    { sql: 'SELECT 1;\nBEGIN;\nBEGIN;\nSELECT 2;', errors: [{ line: 2 }], why: 'reported once, at the outer BEGIN' },
    { sql: 'BEGIN;\nSELECT 1;\nCOMMIT AND CHAIN;\nSELECT 2;', errors: [{ line: 3, message: /AND CHAIN/ }], why: 'AND CHAIN opens the next transaction' },
  ],
});
