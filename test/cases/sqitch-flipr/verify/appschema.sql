-- Verify flipr:appschema on pg
BEGIN; ROLLBACK;
