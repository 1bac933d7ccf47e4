BEGIN; DROP INDEX flipr.flips_nickname_idx; COMMIT;
