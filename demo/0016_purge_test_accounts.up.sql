-- DELIBERATELY FAILING (for `pgwarden demo`): deletes the QA accounts but does not declare the
-- data loss, so the runner's row-count verification rolls it back. Lint has nothing against it: the
-- DELETE has a WHERE clause; only counting rows shows how many it takes.
DELETE FROM users WHERE email LIKE '%@example.test';
