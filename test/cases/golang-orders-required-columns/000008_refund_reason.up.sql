SET lock_timeout = '2s';
-- the release that shipped 000007 already inserts refunds without a reason
ALTER TABLE refunds ADD COLUMN reason text NOT NULL;
