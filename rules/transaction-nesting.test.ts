import { transactionNesting } from './transaction-nesting.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

ruleTester(transactionNesting, {
  valid: [
    { sql: 'COMMIT;\nCREATE INDEX CONCURRENTLY IF NOT EXISTS logs_at_idx ON logs (at);\nBEGIN;', why: 'leaves and re-enters the transaction a wrapping runner opened' },
    'BEGIN;\nALTER TABLE t ADD COLUMN a text;\nCOMMIT;',
    'BEGIN;\nSELECT 1;\nCOMMIT;\nBEGIN;\nSELECT 2;\nROLLBACK;',
    'BEGIN;\nSAVEPOINT s;\nSELECT 1;\nRELEASE SAVEPOINT s;\nCOMMIT;',
    'ALTER TABLE t ADD COLUMN a text;',
    'START TRANSACTION;\nSELECT 1;\nEND;',
    { sql: 'BEGIN;\nSELECT 1;\nCOMMIT AND CHAIN;\nSELECT 2;\nCOMMIT;', why: 'AND CHAIN keeps a transaction open' },
    { sql: "BEGIN;\nSELECT 1;\nPREPARE TRANSACTION 'tx1';\nCOMMIT PREPARED 'tx1';", why: 'COMMIT PREPARED needs no open block' },
  ],
  invalid: [
    { sql: 'BEGIN;\nSELECT 1;\nBEGIN;\nSELECT 2;\nCOMMIT;\nCOMMIT;', errors: [{ line: 3, column: 1, message: /BEGIN inside an open transaction/ }, { line: 6, message: /^COMMIT with no transaction/ }] },
    { sql: 'SELECT 1;\nCOMMIT;', errors: [{ line: 2, message: /^COMMIT with no transaction open/ }] },
    { sql: 'BEGIN;\nSELECT 1;\nCOMMIT;\nROLLBACK;', errors: [{ line: 4, message: /^ROLLBACK/ }] },
  ],
});
