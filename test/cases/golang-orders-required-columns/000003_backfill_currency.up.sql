-- migrate: backfill the rows written before 000002, in batches
UPDATE orders SET currency = 'EUR' WHERE currency IS NULL AND id BETWEEN 1 AND 50000;
