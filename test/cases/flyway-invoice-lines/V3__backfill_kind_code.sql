-- flyway:executeInTransaction=false
-- migrate: backfill in batches, each statement committed on its own
UPDATE invoices SET kind_code = kind WHERE kind_code IS NULL AND id BETWEEN 1 AND 50000;
UPDATE invoices SET kind_code = kind WHERE kind_code IS NULL AND id BETWEEN 50001 AND 100000;
