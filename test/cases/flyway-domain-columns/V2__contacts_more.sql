SET lock_timeout = '2s';
-- an unconstrained domain is just its base type: instant
ALTER TABLE contacts ADD COLUMN team label;
-- a constrained domain is checked on every existing row: PostgreSQL rewrites contacts
ALTER TABLE contacts ADD COLUMN backup_email email_address;
