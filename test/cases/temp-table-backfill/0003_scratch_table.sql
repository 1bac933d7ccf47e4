CREATE TEMPORARY TABLE import_rows (
    name text NOT NULL
) ON COMMIT DROP;
INSERT INTO import_rows (name) VALUES ('Ada'), ('Grace');
INSERT INTO customers (name)
SELECT name FROM import_rows;
DELETE FROM import_rows;
TRUNCATE import_rows;
