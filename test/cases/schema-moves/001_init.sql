CREATE SCHEMA reporting;
CREATE TABLE invoices (id bigint PRIMARY KEY, total numeric(12,2));
CREATE VIEW reporting.daily_totals AS SELECT count(*) AS n FROM invoices;
