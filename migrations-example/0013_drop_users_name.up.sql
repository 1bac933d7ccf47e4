-- DELIBERATELY UNSAFE (for the lint walkthrough in docs/lint-cli.md): dropping a column destroys its data
-- and breaks the application release that still selects it.
SET lock_timeout = '3s';
ALTER TABLE users DROP COLUMN name;
