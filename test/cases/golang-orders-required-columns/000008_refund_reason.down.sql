ALTER TABLE refunds DROP COLUMN reason;
