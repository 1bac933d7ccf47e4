CREATE TEMP TABLE tmp_legacy_ids AS
    SELECT id FROM customers WHERE legacy;
CREATE INDEX ON tmp_legacy_ids (id);
ANALYZE tmp_legacy_ids;

UPDATE customers
   SET tier = 'legacy'
 WHERE id IN (SELECT id FROM tmp_legacy_ids);

DROP TABLE tmp_legacy_ids;
