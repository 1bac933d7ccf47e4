-- Verify flipr:flips_user_index on pg
BEGIN; ROLLBACK;
