SET lock_timeout = '2s';
ALTER VIEW daily_sales RENAME TO sales_per_day;
