-- DELIBERATELY UNSAFE (for the lint walkthrough in docs/lint-cli.md): text → varchar(200) rewrites the
-- whole table under an ACCESS EXCLUSIVE lock, blocking reads and writes meanwhile.
SET lock_timeout = '3s';
ALTER TABLE tasks ALTER COLUMN title TYPE varchar(200);
