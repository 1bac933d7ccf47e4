import { requireConcurrentRefresh } from './require-concurrent-refresh.js';
import { ruleTester } from '../test/helpers/rule-tester.js';

const matview = 'CREATE TABLE sales (sold_at timestamptz, amount numeric);\nCREATE MATERIALIZED VIEW monthly_sales AS SELECT date_trunc(\'month\', sold_at) AS month, sum(amount) AS total FROM sales GROUP BY 1;\nCREATE UNIQUE INDEX monthly_sales_month_idx ON monthly_sales (month);';

ruleTester(requireConcurrentRefresh, {
  valid: [
    { sql: 'REFRESH MATERIALIZED VIEW CONCURRENTLY monthly_sales;', history: [matview], why: 'concurrent refresh lets reads go on' },
    { sql: 'BEGIN;\nREFRESH MATERIALIZED VIEW CONCURRENTLY monthly_sales;\nCOMMIT;', history: [matview], why: 'CONCURRENTLY is allowed in a transaction block' },
    { sql: `${matview}\nREFRESH MATERIALIZED VIEW monthly_sales;`, why: 'view created in the same file' },
    {
      sql: 'REFRESH MATERIALIZED VIEW daily_sales;',
      history: ['CREATE TABLE sales (sold_at timestamptz, amount numeric);\nCREATE MATERIALIZED VIEW daily_sales AS SELECT sold_at::date AS day, sum(amount) AS total FROM sales GROUP BY 1 WITH NO DATA;'],
      why: 'a view never populated has no readers to block (and CONCURRENTLY would fail)',
    },
  ],
  invalid: [
    {
      sql: "SET lock_timeout = '2s';\nREFRESH MATERIALIZED VIEW monthly_sales;",
      history: [matview],
      errors: [{ line: 2, column: 27, message: 'Refreshing materialized view monthly_sales without CONCURRENTLY holds an ACCESS EXCLUSIVE lock on it while its query runs: every read of monthly_sales waits.' }],
    },
    {
      sql: 'REFRESH MATERIALIZED VIEW reporting.monthly_sales;',
      errors: [{ message: /reporting\.monthly_sales without CONCURRENTLY/ }],
      why: 'a view the history does not know is assumed to exist',
    },
    {
      sql: 'REFRESH MATERIALIZED VIEW monthly_sales WITH NO DATA;',
      history: [matview],
      errors: [{ message: /ACCESS EXCLUSIVE/ }],
      why: 'emptying a populated view breaks its readers too',
    },
  ],
});
