-- Verify flipr:users on pg
BEGIN; ROLLBACK;
