CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION reset_staging() RETURNS void
LANGUAGE plpgsql AS $fn$
BEGIN
    TRUNCATE staging_imports;
    DELETE FROM accounts;
    UPDATE accounts SET balance = 0;
END;
$fn$;

CREATE FUNCTION zero_balances() RETURNS void
LANGUAGE sql
BEGIN ATOMIC
    UPDATE accounts SET balance = 0;
    DELETE FROM staging_imports;
END;

CREATE FUNCTION drop_staging() RETURNS void
LANGUAGE sql AS 'DROP TABLE staging_imports';
