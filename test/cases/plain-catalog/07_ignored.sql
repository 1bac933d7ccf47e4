-- pgwarden-ignore ban-drop-table: legacy_people unused since release 41, backed up in OPS-1234
DROP TABLE legacy_people;
-- Ünïcødé ☃ 😀 comment before the next statement
DROP SCHEMA reporting CASCADE;
UPDATE people SET email = lower(email), email = trim(email) WHERE id = 1;
