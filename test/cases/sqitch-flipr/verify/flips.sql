-- Verify flipr:flips on pg
BEGIN; ROLLBACK;
