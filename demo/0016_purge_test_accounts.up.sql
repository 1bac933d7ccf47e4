-- DELIBERATELY FAILING (for `pgwarden demo`): deletes the QA accounts but does not declare the
-- data loss, so the runner's row-count verification rolls it back. Lint only warns that it reaches
-- team_members (ON DELETE CASCADE): the DELETE has a WHERE; only counting rows shows what it takes.
DELETE FROM users WHERE email LIKE '%@example.test';
