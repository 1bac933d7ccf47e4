-- Verify flipr:users_fullname on pg
BEGIN; ROLLBACK;
