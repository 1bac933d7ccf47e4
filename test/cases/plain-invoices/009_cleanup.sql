-- retention: delete with a bound is routine
DELETE FROM invoices WHERE due_date < now() - interval '7 years';
UPDATE invoices SET note = 'n/a' WHERE note IS NULL AND id < 1000;
